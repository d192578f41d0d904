package io.atrium.shared.events;

import java.util.List;
import java.util.function.Function;

/** A queue that work is handed to (SQS in AWS and locally); a service that enqueues depends on this, not on SQS. */
public interface MessageQueue {

    /**
     * Sends one message per item, its body {@code body.apply(item)}, and returns the items that could not be
     * sent (empty when all were). A message may arrive more than once; its reader must be idempotent.
     */
    <T> List<T> send(List<T> items, Function<T, String> body);
}
