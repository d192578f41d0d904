package io.atrium.shared.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trace header is read and ids are made by hand (no regular expression, no String.format: they run on every
 * invocation, ADR 0012); X-Ray's grammar, written as regular expressions here, is the oracle.
 */
class TraceHeaderProperties {
    private static final String ROOT = "1-[0-9a-f]{8}-[0-9a-f]{24}";
    private static final String ID = "[0-9a-f]{16}";

    @Property
    void aHeaderIsReadAsXRaysGrammarSays(@ForAll("headers") String text) {
        TraceHeader header = TraceHeader.parse(text);
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                root = key.equals("Root") ? value : root;
                parent = key.equals("Parent") ? value : parent;
                sampled = key.equals("Sampled") ? value.equals("1") : sampled;
            }
        }
        if (root == null || !root.matches(ROOT)) {
            assertEquals(null, header, text);
            return;
        }
        assertEquals(new TraceHeader(root, parent != null && parent.matches(ID) ? parent : null, sampled), header, text);
        assertEquals(header, TraceHeader.parse(header.format()));
    }

    @Property
    void newIdsAreXRays(@ForAll("ticks") int ignored) {
        assertTrue(TraceHeader.newRoot().matches(ROOT));
        assertTrue(TraceHeader.newId().matches(ID));
        long second = Long.parseLong(TraceHeader.newRoot().substring(2, 10), 16);
        assertTrue(Math.abs(second - System.currentTimeMillis() / 1000) <= 5, "the epoch second: " + second);
    }

    @Provide
    Arbitrary<Integer> ticks() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Headers as Lambda and SQS hand them, cut and garbled: parts in any order, bad hex, spaces, empty parts. */
    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefAG-").ofMinLength(0).ofMaxLength(26);
        Arbitrary<String> root = Arbitraries.oneOf(
                Arbitraries.just(TraceHeader.newRoot()),
                hex.map(h -> "1-" + h),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(8)
                        .flatMap(a -> Arbitraries.strings().withChars("0123456789abcdef").ofLength(24).map(b -> "1-" + a + "-" + b)));
        Arbitrary<String> part = Arbitraries.oneOf(
                root.map(r -> "Root=" + r),
                Arbitraries.oneOf(Arbitraries.just(TraceHeader.newId()), hex).map(p -> "Parent=" + p),
                Arbitraries.of("Sampled=1", "Sampled=0", "Sampled=?", " Sampled = 1 ", "Lineage=a:1", "", "=", "Root", " Root=x"));
        return part.list().ofMinSize(0).ofMaxSize(5).map(parts -> String.join(";", parts));
    }
}
