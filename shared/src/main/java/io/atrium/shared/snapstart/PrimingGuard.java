package io.atrium.shared.snapstart;

import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every DynamoDB write made while priming (ADR 0016) is refused by DynamoDB: on the DynamoDB client of every function,
 * this interceptor adds to each PutItem, UpdateItem, DeleteItem and each item of a TransactWriteItems a condition no
 * item can meet ({@value #NEVER}), so the write's whole path runs (marshalling, signing, HTTP, the refusal's
 * unmarshalling, the caller's handling of it) and nothing is written. Calls that cannot carry a condition
 * (BatchWriteItem, PartiQL) fail instead of being sent. Only the thread inside {@link #refusingWrites} is affected.
 */
public final class PrimingGuard implements ExecutionInterceptor {
    /** True of no item: whatever else a write's condition says, DynamoDB refuses it. */
    static final String NEVER = "attribute_exists(pk) AND attribute_not_exists(pk)";
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Runs {@code work} with every DynamoDB write of this thread refused. */
    public static <T> T refusingWrites(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    /**
     * Runs a write (a whole repository operation) that priming expects DynamoDB to refuse, so its refusal path runs
     * too: the conflict or not-found it ends in is the expected outcome; anything else means the guard did not hold.
     */
    public static void expectRefused(String what, Runnable write) {
        refusingWrites(() -> {
            try {
                write.run();
            } catch (ConflictException | NotFoundException refused) {
                return null;
            }
            throw new IllegalStateException("a priming " + what + " was not refused");
        });
    }

    /** True inside {@link #refusingWrites}: nothing this thread writes can take effect. */
    public static boolean active() {
        return ACTIVE.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return active() ? refused(context.request()) : context.request();
    }

    /** The request with a condition no item meets, or a failure for a write that cannot carry one. */
    static SdkRequest refused(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().conditionExpression(never(put.conditionExpression())).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().conditionExpression(never(update.conditionExpression())).build();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().conditionExpression(never(delete.conditionExpression())).build();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().transactItems(transaction.transactItems().stream().map(PrimingGuard::refused).toList()).build();
        }
        if (request instanceof BatchWriteItemRequest || request instanceof ExecuteStatementRequest
                || request instanceof BatchExecuteStatementRequest || request instanceof ExecuteTransactionRequest) {
            throw new IllegalStateException(request.getClass().getSimpleName() + " cannot be refused by a condition: not sent while priming");
        }
        return request;
    }

    private static TransactWriteItem refused(TransactWriteItem item) {
        TransactWriteItem.Builder b = item.toBuilder();
        if (item.put() != null) {
            Put put = item.put();
            b.put(put.toBuilder().conditionExpression(never(put.conditionExpression())).build());
        }
        if (item.update() != null) {
            Update update = item.update();
            b.update(update.toBuilder().conditionExpression(never(update.conditionExpression())).build());
        }
        if (item.delete() != null) {
            Delete delete = item.delete();
            b.delete(delete.toBuilder().conditionExpression(never(delete.conditionExpression())).build());
        }
        if (item.conditionCheck() != null) {
            ConditionCheck check = item.conditionCheck();
            b.conditionCheck(check.toBuilder().conditionExpression(never(check.conditionExpression())).build());
        }
        return b.build();
    }

    private static String never(String condition) {
        return condition == null || condition.isBlank() ? NEVER : "(" + condition + ") AND " + NEVER;
    }
}
