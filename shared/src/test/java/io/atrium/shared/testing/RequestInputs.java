package io.atrium.shared.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** What a client puts beside the body, for property tests: path ids, If-Match values and query strings. */
public final class RequestInputs {
    private RequestInputs() {
    }

    /** Path ids: ones that exist, well-formed ones that do not, and any text at all. */
    public static Arbitrary<String> ids(String... existing) {
        Arbitrary<String> any = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("_-").ofMinLength(1).ofMaxLength(80)),
                Tuple.of(1, Arbitraries.of("par_x", "con_AAAAAAAAAAAAAAAAAAAAAA", "prd_", "..", "%2F", "a b", "a/b", "ÄÖ", "\u0000")),
                Tuple.of(2, JsonBodies.text().filter(s -> !s.isEmpty())));
        return existing.length == 0 ? any : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(existing)), Tuple.of(3, any));
    }

    /** If-Match values: current-looking, stale, weak, wildcard, malformed. */
    public static Arbitrary<String> ifMatches() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("\"1\"", "\"2\"", "\"3\"", "*", "", "1", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"")),
                Tuple.of(1, JsonBodies.text()));
    }

    /** A value from {@code known}, or any text. */
    public static Arbitrary<String> oneOfOr(String... known) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(known)), Tuple.of(1, JsonBodies.text()));
    }

    /** Query strings of a list route: limit and nextToken, the route's own filters, and an unknown parameter. */
    public static Arbitrary<Map<String, String>> queries(Map<String, Arbitrary<String>> filters) {
        Arbitrary<String> limits = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1", "2", "20", "100", "0", "101", "-1", "1.5", "abc", "", "99999999999")),
                Tuple.of(1, JsonBodies.text()));
        Arbitrary<String> tokens = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars("-_").ofMaxLength(200)),
                Tuple.of(1, JsonBodies.text()));
        Map<String, Arbitrary<String>> all = new LinkedHashMap<>(filters);
        all.put("limit", limits);
        all.put("nextToken", tokens);
        all.put("unknown", JsonBodies.text());
        List<String> names = List.copyOf(all.keySet());
        return Combinators.combine(Arbitraries.subsetOf(names), Arbitraries.just(all)).flatAs((chosen, arbitraries) -> {
            Arbitrary<Map<String, String>> query = Arbitraries.just(new LinkedHashMap<>());
            for (String name : names) {
                if (chosen.contains(name)) {
                    query = Combinators.combine(query, arbitraries.get(name)).as((map, value) -> {
                        Map<String, String> copy = new LinkedHashMap<>(map);
                        copy.put(name, value);
                        return copy;
                    });
                }
            }
            return query;
        });
    }
}
