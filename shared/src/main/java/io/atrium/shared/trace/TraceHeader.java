package io.atrium.shared.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * An X-Ray trace header, {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}: the trace,
 * the segment the next piece hangs under, and whether the trace is recorded. Lambda hands one to every invocation,
 * API Gateway and SQS carry one ({@code X-Amzn-Trace-Id}, the {@code AWSTraceHeader} message attribute).
 */
public record TraceHeader(String root, String parent, boolean sampled) {

    /** Reads a header; null when it names no valid root (a missing or malformed header starts no trace). */
    public static TraceHeader parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = "1".equals(value);
                default -> { }
            }
        }
        if (root == null || !root.matches("1-[0-9a-f]{8}-[0-9a-f]{24}")) {
            return null;
        }
        return new TraceHeader(root, parent != null && parent.matches("[0-9a-f]{16}") ? parent : null, sampled);
    }

    /** A new sampled trace that starts here (no parent), as API Gateway or Lambda starts one. */
    public static TraceHeader newTrace() {
        return new TraceHeader(newRoot(), null, true);
    }

    /** A trace id: version 1, the epoch second in hex, 96 random bits (X-Ray's format). */
    public static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("1-%08x-%08x%016x", System.currentTimeMillis() / 1000, random.nextInt(), random.nextLong());
    }

    /** A segment or subsegment id: 64 random bits in hex. */
    public static String newId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    /** The same trace, continued under {@code parentId}. */
    public TraceHeader under(String parentId) {
        return new TraceHeader(root, parentId, sampled);
    }

    public String format() {
        return "Root=" + root + (parent == null ? "" : ";Parent=" + parent) + ";Sampled=" + (sampled ? "1" : "0");
    }
}
