package io.atrium.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads API Gateway's proxy event from the invocation's bytes through Jackson's tree (ADR 0019): the tree's reader is
 * a few dozen classes, where binding the event's bean built Jackson's whole bean-deserialiser machinery in every
 * function's cold start (about 250 classes and 60 to 100 ms), also in functions that read no body. It reads what
 * binding read, and refuses what it refused: unknown fields are ignored; a number or boolean where text is expected is
 * read as its text (a float written with an exponent as {@link java.math.BigDecimal} writes it), an object or array
 * there fails, as does a field of another wrong JSON type; duplicate keys and trailing tokens fail (the mapper's
 * features); the authorizer context's values are plain Java values as binding made them (text, Integer, Long,
 * BigInteger, BigDecimal with its scale, Boolean, maps and lists). {@code ProxyEventReaderProperties} holds it to that.
 */
final class ProxyEventReader {
    /** The layer's mapper, keeping decimals exactly as written (binding to {@code Object} keeps their scale too). */
    private static final ObjectReader TREE = Json.MAPPER.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private ProxyEventReader() {
    }

    static ProxyRequestEvent read(InputStream input) throws IOException {
        return read(TREE.readTree(input));
    }

    static ProxyRequestEvent read(String json) throws IOException {
        return read(TREE.readTree(json));
    }

    private static ProxyRequestEvent read(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("API Gateway's event is not a JSON object");
        }
        ProxyRequestEvent event = new ProxyRequestEvent();
        event.setResource(text(root, "resource"));
        event.setPath(text(root, "path"));
        event.setHttpMethod(text(root, "httpMethod"));
        event.setHeaders(texts(root, "headers"));
        event.setMultiValueHeaders(lists(root, "multiValueHeaders"));
        event.setQueryStringParameters(texts(root, "queryStringParameters"));
        event.setMultiValueQueryStringParameters(lists(root, "multiValueQueryStringParameters"));
        event.setPathParameters(texts(root, "pathParameters"));
        event.setRequestContext(context(object(root, "requestContext")));
        event.setBody(text(root, "body"));
        JsonNode base64 = present(root, "isBase64Encoded");
        if (base64 != null && !base64.isBoolean()) {
            throw mismatch("isBase64Encoded", "a boolean");
        }
        event.setIsBase64Encoded(base64 == null ? null : base64.booleanValue());
        return event;
    }

    private static ProxyRequestEvent.RequestContext context(JsonNode node) throws IOException {
        if (node == null) {
            return null;
        }
        ProxyRequestEvent.RequestContext context = new ProxyRequestEvent.RequestContext();
        context.setRequestId(text(node, "requestId"));
        JsonNode authorizer = object(node, "authorizer");
        context.setAuthorizer(authorizer == null ? null : plainObject(authorizer));
        context.setDomainName(text(node, "domainName"));
        context.setStage(text(node, "stage"));
        return context;
    }

    /** The field's node, or null when it is absent or JSON null. */
    private static JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static JsonNode object(JsonNode parent, String field) throws IOException {
        JsonNode node = present(parent, field);
        if (node != null && !node.isObject()) {
            throw mismatch(field, "an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) throws IOException {
        return textOf(present(parent, field), field);
    }

    private static String textOf(JsonNode node, String field) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isValueNode()) {
            throw mismatch(field, "text");
        }
        return node.asText();
    }

    private static Map<String, String> texts(JsonNode parent, String field) throws IOException {
        JsonNode node = object(parent, field);
        if (node == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), textOf(entry.getValue(), field));
        }
        return values;
    }

    private static Map<String, List<String>> lists(JsonNode parent, String field) throws IOException {
        JsonNode node = object(parent, field);
        if (node == null) {
            return null;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), textList(entry.getValue(), field));
        }
        return values;
    }

    private static List<String> textList(JsonNode node, String field) throws IOException {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch(field, "lists of text");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            values.add(textOf(element, field));
        }
        return values;
    }

    private static Map<String, Object> plainObject(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), plain(entry.getValue()));
        }
        return values;
    }

    /** A JSON value as Jackson binds it to {@code Object}: the mapper reads floats as BigDecimal. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            return plainObject(node);
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                values.add(plain(element));
            }
            return values;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private static IOException mismatch(String field, String expected) {
        return new IOException("API Gateway's event has no " + expected + " in " + field);
    }
}
