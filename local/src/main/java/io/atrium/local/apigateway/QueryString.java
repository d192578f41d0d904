package io.atrium.local.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string as API Gateway hands it to a function: the last value per name, and every value per
 * name in order. A value whose percent-escapes are malformed is passed on as sent.
 */
record QueryString(Map<String, String> single, Map<String, List<String>> multi) {

    static QueryString parse(String rawQuery) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = PercentDecoding.lenient(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : PercentDecoding.lenient(pair.substring(eq + 1));
                single.put(name, value);
                multi.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
            }
        }
        return new QueryString(single, multi);
    }

    /** The last value of {@code name}, or null. */
    String last(String name) {
        return single.get(name);
    }
}
