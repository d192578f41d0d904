package io.atrium.shared.idempotency;

import io.atrium.shared.repository.dynamodb.DynamoDbErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Idempotency records on conditional writes: the claim is one PutItem that succeeds only when no
 * live record exists, so two concurrent requests can never both run. Records expire by TTL
 * ({@code expiresAt}); a claim whose function died is taken over after its lock expires.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Duration lock;

    public DynamoDbIdempotencyStore(DynamoDbClient dynamoDb, String tableName, Duration retention, Duration lock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.lock = lock;
    }

    public DynamoDbIdempotencyStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Duration.ofHours(24), Duration.ofSeconds(30));
    }

    static String key(String tenantId, String operation, String key) {
        return "TENANT#" + tenantId + "#IDEMPOTENCY#" + operation + "#" + key;
    }

    @Override
    public Claim claim(String tenantId, String operation, String key, String requestHash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key(tenantId, operation, key)));
        item.put("status", s(IN_PROGRESS));
        item.put("requestHash", s(requestHash));
        item.put("lockExpiresAt", n(now.plus(lock).getEpochSecond()));
        item.put("expiresAt", n(now.plus(retention).getEpochSecond()));
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockExpiresAt < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":inProgress", s(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claimed();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            if (!requestHash.equals(text(old, "requestHash"))) {
                return new Mismatch();
            }
            if (!COMPLETED.equals(text(old, "status"))) {
                return new InProgress();
            }
            Map<String, String> headers = new HashMap<>();
            AttributeValue stored = old.get("responseHeaders");
            if (stored != null && stored.hasM()) {
                stored.m().forEach((name, value) -> headers.put(name, value.s()));
            }
            String body = text(old, "responseBody");
            return new Replay(new StoredResponse(Integer.parseInt(old.get("responseStatus").n()), headers, body));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
    }

    @Override
    public void complete(String tenantId, String operation, String key, StoredResponse response, Instant now) {
        Map<String, AttributeValue> headers = new HashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, s(value)));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(COMPLETED));
        values.put(":responseStatus", n(response.status()));
        values.put(":headers", AttributeValue.fromM(headers));
        values.put(":expiresAt", n(now.plus(retention).getEpochSecond()));
        String update = "SET #status = :completed, responseStatus = :responseStatus, responseHeaders = :headers, expiresAt = :expiresAt";
        if (response.body() != null) {
            values.put(":body", s(response.body()));
            update += ", responseBody = :body";
        }
        String expression = update;
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(Map.of("pk", s(key(tenantId, operation, key))))
                    .updateExpression(expression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
    }

    @Override
    public void release(String tenantId, String operation, String key) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(Map.of("pk", s(key(tenantId, operation, key))))
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException ignored) {
            // already completed or taken over: nothing of ours to forget
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
