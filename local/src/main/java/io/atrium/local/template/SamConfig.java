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
 * What a stack's {@code samconfig.toml} says for one environment (SAM CLI's {@code --config-env}, {@code default}
 * unless named): stack name, region and parameter overrides, read from {@code [ENV.deploy.parameters]} with
 * {@code [ENV.global.parameters]} as fallback.
 */
public record SamConfig(Optional<String> stackName, Optional<String> region, Map<String, String> parameterOverrides) {

    /** The environment SAM CLI reads when no {@code --config-env} is given; the local runtime runs it. */
    public static final String DEFAULT_ENV = "default";

    public SamConfig {
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static SamConfig empty() {
        return new SamConfig(Optional.empty(), Optional.empty(), Map.of());
    }

    /** Reads the {@code default} environment of {@code samconfig.toml}; an absent file is an empty config. */
    public static SamConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(file, DEFAULT_ENV, false);
    }

    /**
     * Reads environment {@code envName} of {@code samconfig.toml}.
     *
     * @throws TemplateException when the file is missing or has no {@code [envName.deploy.parameters]} or
     *         {@code [envName.global.parameters]} section
     */
    public static SamConfig read(Path file, String envName) {
        return parse(file, envName, true);
    }

    private static SamConfig parse(Path file, String envName, boolean required) {
        String name = ProjectLayout.displayName(file);
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(name, "missing: environment '" + envName + "' needs it", null);
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new TemplateException(name, "not valid TOML: " + e.getMessage(), e);
        }
        JsonNode env = root.path(envName);
        if (required && !env.path("deploy").has("parameters") && !env.path("global").has("parameters")) {
            throw new TemplateException(name, "no environment '" + envName + "' (no [" + envName
                    + ".deploy.parameters] section)", null);
        }
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
