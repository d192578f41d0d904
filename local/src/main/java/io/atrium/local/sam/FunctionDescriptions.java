package io.atrium.local.sam;

import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.lambda.LocalLayer;
import io.atrium.local.stack.LocalStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code functions} entry of endpoints.json: every started function as the runtime runs it (ARN, handler, code,
 * layer zips, environment resolved to local values), by stack and logical id. {@link SamLocalTemplate} reads it.
 */
public final class FunctionDescriptions {

    private FunctionDescriptions() {
    }

    public static Map<String, Object> of(List<LocalStack> stacks) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (LocalStack stack : stacks) {
            Map<String, Object> functions = new LinkedHashMap<>();
            stack.functions().forEach((id, fn) -> functions.put(id, describe(fn.config())));
            if (!functions.isEmpty()) {
                out.put(stack.definition().name(), functions);
            }
        }
        return out;
    }

    private static Map<String, Object> describe(LocalFunction.Config config) {
        Map<String, Object> fn = new LinkedHashMap<>();
        fn.put("arn", config.arn());
        fn.put("handler", config.handler());
        fn.put("code", config.code().toAbsolutePath().toString());
        fn.put("layers", config.layers().stream().map(LocalLayer::zip).map(p -> p.toAbsolutePath().toString()).toList());
        fn.put("environment", new TreeMap<>(config.environment()));
        return fn;
    }
}
