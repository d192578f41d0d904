package io.atrium.shared.snapstart;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * One strongly consistent read of a key no item can have (every {@code pk} starts with {@code TENANT#}, ADR 0001):
 * before the snapshot it takes the SDK's whole request path (signing, HTTP, TLS in AWS, unmarshalling) and
 * changes nothing.
 */
public final class PrimingRead implements Runnable {
    static final AttributeValue KEY = AttributeValue.fromS("SNAPSTART#PRIMING");

    private final DynamoDbClient dynamoDb;
    private final String table;

    public PrimingRead(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void run() {
        dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(Map.of("pk", KEY)).consistentRead(true).build());
    }
}
