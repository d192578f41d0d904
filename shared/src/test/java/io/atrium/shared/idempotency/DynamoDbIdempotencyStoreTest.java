package io.atrium.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.atrium.shared.idempotency.IdempotencyStore.StoredResponse;
import io.atrium.shared.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyStoreTest {
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbIdempotencyStore store;
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("idem-test");
        client = tables.client();
        table = tables.name("IdempotencyTable");
        store = new DynamoDbIdempotencyStore(client, table, Duration.ofHours(24), Duration.ofSeconds(30));
    }

    @Test
    void claimThenReplayThenMismatch() {
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k1", "hashA", NOW));
        assertInstanceOf(IdempotencyStore.InProgress.class, store.claim("t1", "op", "k1", "hashA", NOW.plusSeconds(1)));
        store.complete("t1", "op", "k1", new StoredResponse(201, Map.of("ETag", "\"1\""), "{\"id\":\"x\"}"), NOW.plusSeconds(2));

        IdempotencyStore.Claim replay = store.claim("t1", "op", "k1", "hashA", NOW.plusSeconds(3));
        assertEquals(new StoredResponse(201, Map.of("ETag", "\"1\""), "{\"id\":\"x\"}"), ((IdempotencyStore.Replay) replay).response());
        assertInstanceOf(IdempotencyStore.Mismatch.class, store.claim("t1", "op", "k1", "hashB", NOW.plusSeconds(3)));

        // the same key of another tenant is another record
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t2", "op", "k1", "hashB", NOW));

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#t1#IDEMPOTENCY#op#k1")))).item();
        assertEquals("COMPLETED", item.get("status").s());
        assertEquals(Long.toString(NOW.plusSeconds(2).plus(Duration.ofHours(24)).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void aDeadClaimIsTakenOverAfterItsLockAndExpiredRecordsAreReused() {
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k2", "hashA", NOW));
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k2", "hashA", NOW.plusSeconds(31)));

        store.complete("t1", "op", "k2", new StoredResponse(201, Map.of(), "{}"), NOW.plusSeconds(32));
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k2", "hashZ", NOW.plus(Duration.ofHours(25))));
    }

    @Test
    void releaseLetsTheClientRetry() {
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k3", "hashA", NOW));
        store.release("t1", "op", "k3");
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k3", "hashA", NOW.plusSeconds(1)));
    }
}
