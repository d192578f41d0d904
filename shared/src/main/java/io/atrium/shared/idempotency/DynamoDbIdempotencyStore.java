package io.atrium.shared.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records on conditional writes: the claim is one PutItem that succeeds only when no
 * live record exists, so two concurrent requests can never both run. Records expire by TTL
 * ({@code expiresAt}); a claim whose function died is taken over after its lock expires. Each claim
 * carries its own {@code claimId}: the SDK's retry of a claim whose first answer was lost finds its own
 * claim (and owns it), and a release removes only the claim it made.
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
        String claimId = UUID.randomUUID().toString();
        long lockExpiresAt = now.plus(lock).getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key(tenantId, operation, key)));
        item.put("status", s(IN_PROGRESS));
        item.put("requestHash", s(requestHash));
        item.put("claimId", s(claimId));
        item.put("lockExpiresAt", n(lockExpiresAt));
        item.put("expiresAt", n(now.plus(retention).getEpochSecond()));
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockExpiresAt < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":inProgress", s(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claimed(claimId, lockRunsOut(lockExpiresAt));
        } catch (ConditionalCheckFailedException e) {
            return existing(e.hasItem() ? e.item() : Map.of(), requestHash, claimId);
        } catch (RuntimeException e) {
            // the claim may have been written before its answer was lost: do not leave it to block the retry
            forgetQuietly(tenantId, operation, key, claimId, e);
            throw e;
        }
    }

    /** What the record that refused the claim means for this request. */
    private static Claim existing(Map<String, AttributeValue> old, String requestHash, String claimId) {
        if (!requestHash.equals(text(old, "requestHash"))) {
            return new Mismatch();
        }
        Instant lockExpiresAt = lockRunsOut(Long.parseLong(old.get("lockExpiresAt").n()));
        if (claimId.equals(text(old, "claimId"))) {
            return new Claimed(claimId, lockExpiresAt); // the SDK retried our own claim
        }
        if (!COMPLETED.equals(text(old, "status"))) {
            return new InProgress(lockExpiresAt);
        }
        Map<String, String> headers = new HashMap<>();
        AttributeValue stored = old.get("responseHeaders");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((name, value) -> headers.put(name, value.s()));
        }
        String body = text(old, "responseBody");
        return new Replay(new StoredResponse(Integer.parseInt(old.get("responseStatus").n()), headers, body));
    }

    /** The claim condition takes a lock over once {@code lockExpiresAt < now} in whole seconds: a second later. */
    private static Instant lockRunsOut(long lockExpiresAt) {
        return Instant.ofEpochSecond(lockExpiresAt + 1);
    }

    private void forgetQuietly(String tenantId, String operation, String key, String claimId, RuntimeException failure) {
        try {
            release(tenantId, operation, key, claimId);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
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
        dynamoDb.updateItem(r -> r.tableName(tableName).key(Map.of("pk", s(key(tenantId, operation, key))))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public void release(String tenantId, String operation, String key, String claimId) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(Map.of("pk", s(key(tenantId, operation, key))))
                    .conditionExpression("#status = :inProgress AND claimId = :claimId")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":claimId", s(claimId))));
        } catch (ConditionalCheckFailedException ignored) {
            // completed, taken over, or never written: nothing of ours to forget
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
