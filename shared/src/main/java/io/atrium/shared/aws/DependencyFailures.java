package io.atrium.shared.aws;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which failures of an AWS call are the dependency's rather than the request's: throttled (DynamoDB's
 * ThrottlingException, ProvisionedThroughputExceeded, RequestLimitExceeded, any 429), a server error (5xx), no
 * answer in time (the SDK's timeouts, a spent {@link CallBudget}), no connection, or a transaction cancelled only
 * by contention or throttling. The same request may succeed a moment later, so the answer is 503 with
 * {@code Retry-After} (API.md); {@code Problems} asks here, so every route answers them alike.
 */
public final class DependencyFailures {
    /** What a client is told to wait before retrying when the failure gives no better hint. */
    public static final int RETRY_AFTER_SECONDS = 1;
    private static final int MAX_CAUSES = 8;
    private static final Set<String> RETRYABLE_CANCELLATIONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded");

    private DependencyFailures() {
    }

    /** True when {@code error}, or an exception it wraps, is a dependency failure as described above. */
    public static boolean isDependencyFailure(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < MAX_CAUSES; depth++, e = e.getCause()) {
            if (isOne(e)) {
                return true;
            }
        }
        return false;
    }

    /** A transaction that changed nothing because other writers or throttling got in the way: retrying may succeed. */
    public static boolean cancelledOnlyByContention(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        boolean contended = false;
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if (RETRYABLE_CANCELLATIONS.contains(code)) {
                contended = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return contended;
    }

    private static boolean isOne(Throwable e) {
        if (e instanceof TransactionCanceledException cancelled) {
            return cancelledOnlyByContention(cancelled);
        }
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || e instanceof AbortedException) {
            return true;
        }
        return e instanceof SdkClientException && causedByIo(e);
    }

    private static boolean causedByIo(Throwable e) {
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
