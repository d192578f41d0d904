package io.atrium.local.lambda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of one function. Every function class loader defines its own copy of this class (from
 * these bytes) and {@link FunctionClassLoader} rewrites {@code System.getenv} calls of the function's
 * classes to it, so each function reads its own variables although the process has one environment.
 * Only java.* may be used here: the copy lives in a loader whose parent is the platform loader.
 */
public final class EnvBridge {

    private static volatile Map<String, String> env = Collections.emptyMap();

    private EnvBridge() {
    }

    public static void install(Map<String, String> variables) {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        return env.get(name);
    }

    public static Map<String, String> getenv() {
        return env;
    }
}
