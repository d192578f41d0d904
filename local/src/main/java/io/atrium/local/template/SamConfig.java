package io.atrium.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.atrium.local.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack's {@code samconfig.toml} says for the {@code default} environment: stack name, region and
 * parameter overrides, read from {@code [default.deploy.parameters]} with {@code [default.global.parameters]}
 * as fallback.
 */
public record SamConfig(Optional<String> stackName, Optional<String> region, Map<String, String> parameterOverrides) {

    public SamConfig {
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static SamConfig empty() {
        return new SamConfig(Optional.empty(), Optional.empty(), Map.of());
    }

    /** Reads {@code samconfig.toml}; an absent file is an empty config. */
    public static SamConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        String name = ProjectLayout.displayName(file);
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new TemplateException(name, "not valid TOML: " + e.getMessage(), e);
        }
        JsonNode env = root.path("default");
        JsonNode deploy = env.path("deploy").path("parameters");
        JsonNode global = env.path("global").path("parameters");
        Optional<String> stackName = text(deploy, global, "stack_name");
        Optional<String> region = text(deploy, global, "region");
        JsonNode overrides = deploy.has("parameter_overrides") ? deploy.get("parameter_overrides")
                : global.path("parameter_overrides");
        Map<String, String> params = new LinkedHashMap<>();
        if (overrides.isArray()) {
            for (JsonNode item : overrides) {
                putPair(params, item.asText(), name);
            }
        } else if (overrides.isTextual()) {
            params.putAll(parseOverrides(overrides.asText(), name));
        } else if (!overrides.isMissingNode()) {
            throw new TemplateException(name, "parameter_overrides must be a string or an array of strings", null);
        }
        return new SamConfig(stackName, region, params);
    }

    private static Optional<String> text(JsonNode first, JsonNode second, String key) {
        JsonNode n = first.has(key) ? first.get(key) : second.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    /** Parses {@code K=V K2="v 2" K3='v 3'} as the SAM CLI does. */
    public static Map<String, String> parseOverrides(String text, String fileName) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder token = new StringBuilder();
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = text.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new TemplateException(fileName, "unclosed quote in parameter_overrides: " + text, null);
                    }
                    token.append(text, i + 1, end);
                    i = end + 1;
                } else {
                    token.append(c);
                    i++;
                }
            }
            putPair(out, token.toString(), fileName);
        }
        return out;
    }

    private static void putPair(Map<String, String> out, String pair, String fileName) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new TemplateException(fileName, "parameter override '" + pair + "' is not Name=Value", null);
        }
        String key = pair.substring(0, eq);
        if (key.startsWith("ParameterKey=")) {
            throw new TemplateException(fileName, "use Name=Value in parameter_overrides, not ParameterKey=...", null);
        }
        String value = pair.substring(eq + 1);
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        out.put(key, value);
    }
}
