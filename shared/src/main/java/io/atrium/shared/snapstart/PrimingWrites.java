package io.atrium.shared.snapstart;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The write calls a function that writes makes (PutItem, UpdateItem), primed with a condition no item meets
 * ({@code attribute_exists(pk)} on {@link PrimingRead#KEY}, which no item has): DynamoDB refuses them and writes
 * nothing, and the SDK's marshalling and its conditional-failure path are loaded before the snapshot. Registered for
 * the idempotency table, which every writing function may write to (ADR 0016).
 */
public final class PrimingWrites implements Runnable {
    private static final String NO_ITEM = "attribute_exists(pk)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public PrimingWrites(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void run() {
        Map<String, AttributeValue> key = Map.of("pk", PrimingRead.KEY);
        refused(() -> dynamoDb.putItem(p -> p.tableName(table).item(key).conditionExpression(NO_ITEM)));
        refused(() -> dynamoDb.updateItem(u -> u.tableName(table).key(key).conditionExpression(NO_ITEM)
                .updateExpression("SET primed = :yes").expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))));
    }

    private static void refused(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException expected) {
            return;
        }
        throw new IllegalStateException("a priming write was not refused: it must never be applied");
    }
}
