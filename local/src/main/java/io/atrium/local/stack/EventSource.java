package io.atrium.local.stack;

/**
 * Something that invokes a function on its own, not for an HTTP request: a queue poller, a schedule, a stream
 * reader. A {@link FunctionEvents} binder creates it while its stack starts; the runtime starts every event source
 * once all stacks are up and their APIs listen, and closes them first when it stops.
 */
public interface EventSource extends AutoCloseable {

    /** A name for logs and the start-up table, e.g. {@code order/OrderQueue -> order-OrderWorker}. */
    String name();

    void start();

    @Override
    void close();
}
