package io.atrium.shared.events;

import io.atrium.shared.trace.Invocation;
import java.util.List;
import java.util.function.Function;

/** A queue that work is handed to (SQS in AWS and locally); a service that enqueues depends on this, not on SQS. */
public interface MessageQueue {

    /**
     * Sends one message per item, its body {@code body.apply(item)}, and returns the items that could not be
     * sent (empty when all were). A message may arrive more than once; its reader must be idempotent.
     */
    default <T> List<T> send(List<T> items, Function<T, String> body) {
        String header = Invocation.currentHeader();
        return send(items, body, item -> header);
    }

    /**
     * As {@link #send(List, Function)}, each message carrying {@code traceHeader.apply(item)} (null: none) as its
     * {@code AWSTraceHeader}, so its worker continues that trace (ADR 0012).
     */
    <T> List<T> send(List<T> items, Function<T, String> body, Function<T, String> traceHeader);
}
