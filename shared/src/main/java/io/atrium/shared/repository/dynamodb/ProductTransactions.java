package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.error.UnavailableException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs one TransactWriteItems that touches products (a product with its sku claims, an order with the
 * stock of its lines). A transaction cancelled only because another one held an item at the same moment
 * is run again a few times, since DynamoDB does not retry those itself; a failed condition is handed to
 * the caller to name the domain error.
 */
final class ProductTransactions {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int ATTEMPTS = 8;

    private ProductTransactions() {
    }

    /**
     * @param onConditionFailed turns the cancellation reasons (one per item, in request order) into the
     *                          exception to throw, when at least one condition failed
     */
    static void write(DynamoDbClient dynamoDb, TransactWriteItemsRequest request,
                      Function<List<CancellationReason>, RuntimeException> onConditionFailed) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request);
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()))) {
                    throw onConditionFailed.apply(reasons);
                }
                boolean retryable = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code())
                        || "ThrottlingError".equals(r.code()) || "ProvisionedThroughputExceeded".equals(r.code()));
                if (!retryable) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new UnavailableException("The items are busy; retry shortly.", 1, e);
                }
                backOff(attempt);
            } catch (SdkException e) {
                throw DynamoDbErrors.translate(e);
            }
        }
    }

    static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    static boolean hasItem(CancellationReason reason) {
        return reason.hasItem() && !reason.item().isEmpty();
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The request was interrupted; retry shortly.", 1, e);
        }
    }
}
