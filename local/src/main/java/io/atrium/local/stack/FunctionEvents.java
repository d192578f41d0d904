package io.atrium.local.stack;

import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.MapNode;

/**
 * One {@code Type} of a function's {@code Events} entries. This is where event sources plug in: {@code Api}
 * ({@link ApiEvents}) turns an entry into a route of its Api; a non-HTTP type ({@code SQS}, {@code Schedule},
 * {@code ScheduleV2}, {@code DynamoDB}) adds an {@link EventSource} to the stack with {@link StackBuild#eventSource}.
 * {@link ResourceTypes#FUNCTION_EVENTS} lists the types the runtime runs; any other type stops the start naming
 * template and line.
 */
interface FunctionEvents {

    /** The event {@code Type} this binder handles, e.g. {@code Api}. */
    String type();

    /**
     * Binds one entry to {@code function}.
     *
     * @param event the entry ({@code Type}, {@code Properties}), already resolved; its nodes carry template lines
     */
    void bind(StackBuild build, String functionId, LocalFunction function, MapNode event);
}
