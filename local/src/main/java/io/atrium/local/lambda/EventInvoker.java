package io.atrium.local.lambda;

import io.atrium.local.observe.RequestTrace;
import io.atrium.local.observe.Telemetry;
import java.util.function.Predicate;

/**
 * How an event source invokes its function (a queue's poller, a stream's, a schedule): as Lambda does, each
 * invocation in a new trace whose root is the source's, the function's trace header under its Lambda span; the
 * invocation is one entry of the console's list (source, status, duration, trace id) with the lines the function
 * printed (ADR 0108). Without a {@link Telemetry} (a runtime without console) nothing is recorded.
 *
 * @param stack  the stack of the function
 * @param source what invokes it: {@code sqs:order/OrderQueue}, {@code stream:shared/OrderTable},
 *               {@code schedule:contract/QueueDueContractsFunctionDailyExpiry}
 */
public record EventInvoker(LocalFunction function, Telemetry telemetry, String stack, String source) {

    /** An invoker that records nothing (tests of a source alone). */
    public static EventInvoker unrecorded(LocalFunction function) {
        return new EventInvoker(function, null, null, null);
    }

    /**
     * Invokes the function with {@code event} and waits for it; the entry's status is 500 when {@code failed} says the
     * answer failed (an error, a timeout, failed items it names), else 200.
     */
    public LocalFunction.Result invoke(Object event, String requestId, Predicate<LocalFunction.Result> failed) {
        RequestTrace trace = Telemetry.beginInvocation(telemetry, stack, source, function.config().logicalId(), requestId);
        LocalFunction.Result result = function.invoke(event, Long.MAX_VALUE, trace, trace.rootId());
        trace.finish(failed.test(result) ? 500 : 200);
        return result;
    }
}
