package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.aws.DependencyFailures;
import io.atrium.shared.error.UnavailableException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a DynamoDB TransactWriteItems that other writers may contend for (a contract's balance, a
 * partner's contract counter). A transaction cancelled only because another one touched the same item
 * (TransactionConflict) changed nothing, so it is retried with jittered backoff; after the budget it is a
 * 503 the client may retry (an idempotent POST's claim is released on 5xx). Cancellations for a failed
 * condition are rethrown for the caller to explain.
 */
final class TransactionConflicts {
    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_DELAY_MS = 5;
    private static final long MAX_DELAY_MS = 150;

    private TransactionConflicts() {
    }

    static <T> T retry(Supplier<T> transaction) {
        TransactionCanceledException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return transaction.get();
            } catch (TransactionCanceledException e) {
                if (!DependencyFailures.cancelledOnlyByContention(e)) {
                    throw e;
                }
                last = e;
                pause(attempt);
            }
        }
        throw new UnavailableException("The resource is busy with other changes; retry shortly.", 1, last);
    }

    /** The cancellation reason of the {@code index}-th action, when it was a failed condition. */
    static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The request was interrupted; retry shortly.", 1, e);
        }
    }
}
