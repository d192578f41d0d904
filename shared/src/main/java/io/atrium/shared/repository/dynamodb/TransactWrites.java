package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.aws.DependencyFailures;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.snapstart.Randomness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every DynamoDB TransactWriteItems of the repositories, run one way. A transaction cancelled only because another
 * one touched the same item (TransactionConflict) or was throttled changed nothing, so it is retried with jittered
 * backoff, and after the budget is a 503 the client may retry (an idempotent POST's claim is released on 5xx). A
 * transaction cancelled by a failed condition is handed to the caller as a {@link Cancellation}, which names the
 * domain error; any other failure goes on as the SDK threw it (Problems maps dependency failures to 503).
 */
final class TransactWrites {
    static final int MAX_ATTEMPTS = 8;
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final long BASE_DELAY_MS = 5;
    private static final long MAX_DELAY_MS = 150;

    private TransactWrites() {
    }

    /**
     * Writes {@code items} in one transaction. When a condition fails, {@code onConditionFailed} gives the exception
     * to throw, or null when the refusal is an answer rather than an error (then nothing was written and this
     * returns false).
     * @return true when the items were written
     */
    static boolean write(DynamoDbClient dynamoDb, List<TransactWriteItem> items, Function<Cancellation, RuntimeException> onConditionFailed) {
        try {
            return retry(() -> {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return true;
            });
        } catch (TransactionCanceledException e) {
            Cancellation cancellation = new Cancellation(e.hasCancellationReasons() ? e.cancellationReasons() : List.of());
            if (!cancellation.anyConditionFailed()) {
                throw e;
            }
            RuntimeException refusal = onConditionFailed.apply(cancellation);
            if (refusal != null) {
                throw refusal;
            }
            return false;
        }
    }

    /** Why DynamoDB cancelled a transaction: one reason per item, in the order the items were written. */
    record Cancellation(List<CancellationReason> reasons) {
        Cancellation {
            reasons = List.copyOf(reasons);
        }

        /** The condition of the {@code index}-th item failed. */
        boolean failed(int index) {
            return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
        }

        boolean anyConditionFailed() {
            return reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()));
        }

        /**
         * The {@code index}-th item as it was when its condition failed (asked for with
         * ReturnValuesOnConditionCheckFailure.ALL_OLD; an empty map when it did not exist), or empty when DynamoDB
         * did not return it.
         */
        Optional<Map<String, AttributeValue>> itemAsItWas(int index) {
            if (index >= reasons.size() || !reasons.get(index).hasItem()) {
                return Optional.empty();
            }
            return Optional.of(reasons.get(index).item());
        }

        /** The {@code index}-th item existed when its condition failed (as DynamoDB returned it). */
        boolean existed(int index) {
            return itemAsItWas(index).map(item -> !item.isEmpty()).orElse(false);
        }
    }

    /** Runs {@code transaction} again while it is cancelled only by contention; rethrows any other cancellation. */
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

    private static void pause(int attempt) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << attempt);
        try {
            Thread.sleep(Randomness.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The request was interrupted; retry shortly.", 1, e);
        }
    }
}
