package io.atrium.local.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks real responses against a module's OpenAPI 3 document, so the published description cannot
 * drift from what the handlers answer. Supports the JSON Schema subset the documents use: $ref to
 * components, type, required, properties, additionalProperties: false, items, enum, pattern,
 * minimum/maximum, oneOf; nullable is not used (absent fields are omitted).
 */
public final class OpenApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract fromClasspath(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the class path");
            }
            return new OpenApiContract(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every (METHOD, path) the document declares, e.g. {@code GET /partners/{partnerId}}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        operations.sort(null);
        return operations;
    }

    /** Every Api event route of a SAM template's functions, as {@code METHOD /path}, sorted. */
    public static List<String> templateRoutes(Path templateYaml) {
        io.atrium.local.template.Template template = io.atrium.local.template.Template.read(templateYaml);
        List<String> routes = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").values().forEach(function ->
                io.atrium.local.template.Template.properties(function).mapOrEmpty("Events").entries().values().forEach(event -> {
                    if (event instanceof io.atrium.local.template.MapNode map && "Api".equals(map.text("Type", ""))) {
                        io.atrium.local.template.MapNode properties = map.mapOrEmpty("Properties");
                        routes.add(properties.text("Method", "").toUpperCase(Locale.ROOT) + " " + properties.text("Path", ""));
                    }
                }));
        routes.sort(null);
        return routes;
    }

    /**
     * Throws an AssertionError listing every mismatch when the response is not one the document
     * declares for this operation: the status must be listed, the media type must match, and the
     * body must satisfy the schema.
     */
    public void assertResponse(String method, String path, int status, String contentType, String body) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("openapi.json has no operation " + method + " " + path);
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        if (response.isMissingNode()) {
            throw new AssertionError(method + " " + path + " answered " + status + ", which openapi.json does not declare");
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                throw new AssertionError(method + " " + path + " " + status + " declares no body but one was sent");
            }
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            throw new AssertionError(method + " " + path + " " + status + " answered " + mediaType + ", declared: " + content.fieldNames().next());
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " " + status + " body is not JSON: " + body);
        }
        List<String> problems = new ArrayList<>();
        validate(media.path("schema"), value, "$", problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " does not match openapi.json: " + problems + "\nbody: " + body);
        }
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").textValue();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local $refs are supported: " + ref);
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new AssertionError("unresolved $ref " + ref);
            }
            node = target;
        }
        return node;
    }

    private void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.isMissingNode() || schema.isEmpty()) {
            return;
        }
        if (schema.has("oneOf")) {
            oneOf(schema, value, at, problems);
            return;
        }
        switch (schema.path("type").asText("")) {
            case "object" -> object(schema, value, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + " should be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
            case "string" -> string(schema, value, at, problems);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + " should be an integer");
                    return;
                }
                range(schema, value, at, problems);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + " should be a number");
                    return;
                }
                range(schema, value, at, problems);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + " should be a boolean");
                }
            }
            default -> {
                // no type: anything goes
            }
        }
    }

    private void oneOf(JsonNode schema, JsonNode value, String at, List<String> problems) {
        int matches = 0;
        for (JsonNode option : schema.get("oneOf")) {
            List<String> optionProblems = new ArrayList<>();
            validate(option, value, at, optionProblems);
            if (optionProblems.isEmpty()) {
                matches++;
            }
        }
        if (matches != 1) {
            problems.add(at + " matches " + matches + " of the oneOf options");
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + " should be an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.textValue())) {
                problems.add(at + "." + required.textValue() + " is required");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.path(field.getKey());
            if (!property.isMissingNode()) {
                validate(property, field.getValue(), at + "." + field.getKey(), problems);
                continue;
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isBoolean() && !additional.booleanValue()) {
                problems.add(at + "." + field.getKey() + " is not declared");
            } else if (additional.isObject()) {
                validate(additional, field.getValue(), at + "." + field.getKey(), problems);
            }
        }
    }

    private static void string(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + " should be a string");
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + " = " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && !value.textValue().matches(schema.get("pattern").textValue())) {
            problems.add(at + " = " + value + " does not match " + schema.get("pattern").textValue());
        }
    }

    private static void range(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            problems.add(at + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            problems.add(at + " is above the maximum " + schema.get("maximum"));
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
