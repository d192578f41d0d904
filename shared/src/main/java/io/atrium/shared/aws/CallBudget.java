package io.atrium.shared.aws;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The time the current request may still spend on AWS calls. A handler runs its work {@link #within} a budget
 * derived from the function's remaining time; every SDK call made on that thread then gets at most what is left
 * as its API-call timeout (retries and backoff included), and no call starts once it is spent: the call fails
 * with {@link ApiCallTimeoutException}, which answers 503. So however many calls a request makes, and however
 * DynamoDB misbehaves, the answer leaves before the function's timeout. Outside a budget the client's own
 * per-call timeouts apply.
 */
public final class CallBudget implements ExecutionInterceptor {
    /** What {@link #settle} gives clean-up after the work, whatever the work left (ApiHandler keeps it back). */
    public static final Duration SETTLE = Duration.ofSeconds(1);
    /** Below this, a call could not complete anyway: it is not started. */
    static final Duration MIN_CALL = Duration.ofMillis(50);
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private final Duration callTimeout;
    private final Duration attemptTimeout;

    /**
     * @param callTimeout    the client's own API-call timeout, the most any call gets
     * @param attemptTimeout the client's own attempt timeout, the most any attempt gets
     */
    public CallBudget(Duration callTimeout, Duration attemptTimeout) {
        this.callTimeout = callTimeout;
        this.attemptTimeout = attemptTimeout;
    }

    /** Runs {@code work} with {@code budget} for its AWS calls (replacing any outer budget until it returns). */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Long outer = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /**
     * Runs clean-up that must not depend on what the request's work left of its budget (releasing or completing an
     * idempotency claim, undoing half of a change) with {@link #SETTLE} of its own.
     */
    public static void settle(Runnable cleanup) {
        within(SETTLE, () -> {
            cleanup.run();
            return null;
        });
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Long deadline = DEADLINE.get();
        if (deadline == null || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.compareTo(MIN_CALL) < 0) {
            throw ApiCallTimeoutException.create("The request's time budget for AWS calls is spent.", null);
        }
        Duration call = min(left, callTimeout);
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        return request.toBuilder()
                .overrideConfiguration(override.apiCallTimeout(call).apiCallAttemptTimeout(min(call, attemptTimeout)).build())
                .build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
