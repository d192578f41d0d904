package io.atrium.shared.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * An X-Ray trace header, {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}: the trace,
 * the segment the next piece hangs under, and whether the trace is recorded. Lambda hands one to every invocation,
 * API Gateway and SQS carry one ({@code X-Amzn-Trace-Id}, the {@code AWSTraceHeader} message attribute).
 */
public record TraceHeader(String root, String parent, boolean sampled) {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Reads a header; null when it names no valid root (a missing or malformed header starts no trace). */
    public static TraceHeader parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        // by hand, not with split or a regular expression: this runs on every invocation and every message
        for (int from = 0; from < text.length(); ) {
            int end = text.indexOf(';', from);
            if (end < 0) {
                end = text.length();
            }
            int eq = text.indexOf('=', from);
            if (eq > from && eq < end) {
                String key = text.substring(from, eq).trim();
                String value = text.substring(eq + 1, end).trim();
                switch (key) {
                    case "Root" -> root = value;
                    case "Parent" -> parent = value;
                    case "Sampled" -> sampled = "1".equals(value);
                    default -> { }
                }
            }
            from = end + 1;
        }
        if (!isRoot(root)) {
            return null;
        }
        return new TraceHeader(root, parent != null && parent.length() == 16 && isHex(parent, 0, 16) ? parent : null, sampled);
    }

    /** {@code 1-} eight hex digits {@code -} 24 hex digits. */
    private static boolean isRoot(String root) {
        return root != null && root.length() == 35 && root.startsWith("1-") && root.charAt(10) == '-'
                && isHex(root, 2, 10) && isHex(root, 11, 35);
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A new sampled trace that starts here (no parent), as API Gateway or Lambda starts one. */
    public static TraceHeader newTrace() {
        return new TraceHeader(newRoot(), null, true);
    }

    /** A trace id: version 1, the epoch second in hex, 96 random bits (X-Ray's format). */
    public static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[35];
        id[0] = '1';
        id[1] = '-';
        hex(System.currentTimeMillis() / 1000, id, 2, 8);
        id[10] = '-';
        hex(random.nextInt(), id, 11, 8);
        hex(random.nextLong(), id, 19, 16);
        return new String(id);
    }

    /** A segment or subsegment id: 64 random bits in hex. */
    public static String newId() {
        char[] id = new char[16];
        hex(ThreadLocalRandom.current().nextLong(), id, 0, 16);
        return new String(id);
    }

    /** The low {@code digits} hex digits of {@code value}, zero-padded, into {@code out} from {@code at} (not String.format: it parses its pattern each call). */
    private static void hex(long value, char[] out, int at, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    /** The same trace, continued under {@code parentId}. */
    public TraceHeader under(String parentId) {
        return new TraceHeader(root, parentId, sampled);
    }

    public String format() {
        // a StringBuilder, not +: each new shape of string concatenation costs a cold start milliseconds to link
        StringBuilder text = new StringBuilder(70).append("Root=").append(root);
        if (parent != null) {
            text.append(";Parent=").append(parent);
        }
        return text.append(";Sampled=").append(sampled ? '1' : '0').toString();
    }
}
