package io.atrium.local.observe;

import java.time.Instant;
import java.util.Map;

/**
 * One span of a trace as the console shows it: the gateway's own (gateway, authorizer, usage plan, Lambda,
 * init) or one a function sent to the X-Ray daemon (its handler, each AWS call).
 *
 * @param startedAt  when it started (microsecond precision)
 * @param durationMs how long it took, in milliseconds with fractions
 */
public record SpanRecord(String id, String parentId, String name, Instant startedAt, double durationMs,
        Map<String, Object> annotations) {

    public SpanRecord {
        annotations = Map.copyOf(annotations);
    }

    static Instant ofMicros(long epochMicros) {
        return Instant.ofEpochSecond(epochMicros / 1_000_000, (epochMicros % 1_000_000) * 1000);
    }
}
