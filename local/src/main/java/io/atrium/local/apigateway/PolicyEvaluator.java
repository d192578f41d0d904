package io.atrium.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Evaluates an authorizer's IAM policy for {@code execute-api:Invoke} on a method ARN: an explicit Deny wins. */
final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    static boolean allows(JsonNode policy, String methodArn) {
        JsonNode statements = policy.get("Statement");
        if (statements == null) {
            return false;
        }
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        boolean allowed = false;
        for (JsonNode s : list) {
            String effect = s.path("Effect").asText();
            if (!matchesAny(s.get("Action"), "execute-api:Invoke", true) || !matchesAny(s.get("Resource"), methodArn, false)) {
                continue;
            }
            if (effect.equals("Deny")) {
                return false;
            }
            if (effect.equals("Allow")) {
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns == null || patterns.isNull()) {
            return false;
        }
        if (patterns.isArray()) {
            for (JsonNode p : patterns) {
                if (glob(p.asText(), value, ignoreCase)) {
                    return true;
                }
            }
            return false;
        }
        return glob(patterns.asText(), value, ignoreCase);
    }

    /** Compiled once per policy pattern: a cached policy is evaluated on every request. */
    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        String key = (ignoreCase ? "i:" : "s:") + pattern;
        Pattern compiled = COMPILED.get(key);
        if (compiled == null) {
            if (COMPILED.size() > 10_000) {
                COMPILED.clear();
            }
            compiled = compile(pattern, ignoreCase);
            COMPILED.put(key, compiled);
        }
        return compiled.matcher(value).matches();
    }

    private static Pattern compile(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
