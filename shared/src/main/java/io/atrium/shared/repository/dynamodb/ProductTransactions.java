package io.atrium.shared.repository.dynamodb;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs one TransactWriteItems that touches products (a product with its sku claims, an order with the
 * stock of its lines). Contention is retried by {@link TransactionConflicts}; a failed condition is handed
 * to the caller, with the reasons of every item, to name the domain error.
 */
final class ProductTransactions {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private ProductTransactions() {
    }

    /**
     * @param onConditionFailed turns the cancellation reasons (one per item, in request order) into the
     *                          exception to throw, when at least one condition failed
     */
    static void write(DynamoDbClient dynamoDb, TransactWriteItemsRequest request,
                      Function<List<CancellationReason>, RuntimeException> onConditionFailed) {
        try {
            TransactionConflicts.retry(() -> dynamoDb.transactWriteItems(request));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()))) {
                throw onConditionFailed.apply(reasons);
            }
            throw e;
        }
    }

    static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    static boolean hasItem(CancellationReason reason) {
        return reason.hasItem() && !reason.item().isEmpty();
    }
}
