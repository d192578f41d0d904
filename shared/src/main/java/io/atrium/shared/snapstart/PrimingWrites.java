package io.atrium.shared.snapstart;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The write calls a function that writes makes (PutItem, UpdateItem, TransactWriteItems of a Put, an Update and a
 * Delete), primed with a condition no item meets
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
        // a map value, as an idempotency record's stored headers
        refused(() -> dynamoDb.updateItem(u -> u.tableName(table).key(key).conditionExpression(NO_ITEM)
                .updateExpression("SET primed = :yes").expressionAttributeValues(Map.of(":yes",
                        AttributeValue.fromM(Map.of("primed", AttributeValue.fromBool(true)))))));
        refused(() -> dynamoDb.transactWriteItems(t -> t.transactItems(
                w -> w.put(p -> p.tableName(table).item(Map.of("pk", PrimingRead.KEY)).conditionExpression(NO_ITEM)),
                w -> w.update(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS(PrimingRead.KEY.s() + "#UPDATE")))
                        .conditionExpression(NO_ITEM).updateExpression("SET primed = :yes")
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))),
                w -> w.delete(d -> d.tableName(table).key(Map.of("pk", AttributeValue.fromS(PrimingRead.KEY.s() + "#DELETE")))
                        .conditionExpression(NO_ITEM)))));
        // the answers of writes that succeed, which a refused write never builds (their fields' unmarshallers)
        List.<SdkPojo>of(PutItemResponse.builder().build(), UpdateItemResponse.builder().build(),
                DeleteItemResponse.builder().build(),
                TransactWriteItemsResponse.builder().consumedCapacity(List.of()).itemCollectionMetrics(Map.of()).build())
                .forEach(SdkPojo::sdkFields);
    }

    private static void refused(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException | TransactionCanceledException expected) {
            return;
        }
        throw new IllegalStateException("a priming write was not refused: it must never be applied");
    }
}
