package io.atrium.local.observe;

import java.time.Instant;

/** One request an API answered, as the console lists it. {@code tenantId} is null before the authorizer knew it. */
public record RequestRecord(String requestId, String traceId, String stack, String method, String path, int status,
        long durationMs, String tenantId, Instant startedAt) {
}
