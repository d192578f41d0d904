package io.atrium.shared.config;

import java.util.Map;
import java.util.Optional;

/** A function's settings, read once at init; a missing setting fails init with a message naming it. */
public final class Config {

    private final Map<String, String> values;

    public Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Config fromEnvironment() {
        return new Config(System.getenv());
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingSettingException(name);
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** Thrown at init when the environment lacks a required setting. */
    public static final class MissingSettingException extends IllegalStateException {
        public MissingSettingException(String name) {
            super("missing required setting " + name + " (environment variable)");
        }
    }
}
