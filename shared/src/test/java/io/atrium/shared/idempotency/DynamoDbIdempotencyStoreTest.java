package io.atrium.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.idempotency.IdempotencyStore.StoredResponse;
import io.atrium.shared.testing.FaultyDynamoDb;
import io.atrium.shared.testing.FaultyDynamoDb.Fault;
import io.atrium.shared.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyStoreTest {
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbIdempotencyStore store;
    /** Now, not a fixed date: DynamoDB Local runs TTL, and deletes records whose expiresAt is in its past. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
    void releaseLetsTheClientRetryAndForgetsOnlyItsOwnClaim() {
        IdempotencyStore.Claimed first = (IdempotencyStore.Claimed) store.claim("t1", "op", "k3", "hashA", NOW);
        store.release("t1", "op", "k3", first.claimId());
        IdempotencyStore.Claimed second = (IdempotencyStore.Claimed) store.claim("t1", "op", "k3", "hashA", NOW.plusSeconds(1));

        store.release("t1", "op", "k3", first.claimId());
        assertInstanceOf(IdempotencyStore.InProgress.class, store.claim("t1", "op", "k3", "hashA", NOW.plusSeconds(2)),
                "a late release of the first claim must not free the second");
        store.release("t1", "op", "k3", second.claimId());
        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k3", "hashA", NOW.plusSeconds(3)));
    }

    @Test
    void aClaimWhoseAnswerWasLostIsStillOwnedWhenTheSdkRetriesIt() {
        FaultyDynamoDb faulty = new FaultyDynamoDb().inject("PutItem", Fault.APPLIED_THEN_LOST, 1);
        DynamoDbIdempotencyStore flaky = new DynamoDbIdempotencyStore(faulty.client(), table, Duration.ofHours(24), Duration.ofSeconds(30));

        IdempotencyStore.Claim claim = flaky.claim("t1", "op", "k4", "hashA", NOW);

        assertInstanceOf(IdempotencyStore.Claimed.class, claim, "the retry found its own claim");
        assertEquals(2, faulty.attempts("PutItem"));
        assertInstanceOf(IdempotencyStore.InProgress.class, store.claim("t1", "op", "k4", "hashA", NOW.plusSeconds(1)));
    }

    @Test
    void aClaimThatFailsAfterBeingWrittenIsForgottenSoTheRetryIsNotRefused() {
        FaultyDynamoDb faulty = new FaultyDynamoDb().always("PutItem", Fault.APPLIED_THEN_LOST);
        DynamoDbIdempotencyStore flaky = new DynamoDbIdempotencyStore(faulty.client(), table, Duration.ofHours(24), Duration.ofSeconds(30));

        assertThrows(SdkClientException.class, () -> flaky.claim("t1", "op", "k5", "hashA", NOW));

        assertInstanceOf(IdempotencyStore.Claimed.class, store.claim("t1", "op", "k5", "hashA", NOW.plusSeconds(1)));
    }
}
