package io.atrium.local.observe;

import java.time.Instant;

/**
 * One entry of the console's list: a request an API answered ({@code source} {@value #API}), or an invocation by a
 * queue, a stream or a schedule ({@code source} {@code sqs:order/OrderQueue}, {@code stream:shared/OrderTable},
 * {@code schedule:contract/QueueDueContractsFunctionDailyExpiry}; {@code method} {@value #INVOKE}, {@code path} the function's
 * logical id, {@code status} 200 or 500). {@code tenantId} is null before the authorizer knew it, and for invocations.
 */
public record RequestRecord(String requestId, String traceId, String stack, String method, String path, int status,
        long durationMs, String tenantId, Instant startedAt, String source) {
    /** The source of a request through a stack's API. */
    public static final String API = "api";
    /** The method of an entry that is an event source's invocation. */
    public static final String INVOKE = "INVOKE";
}
