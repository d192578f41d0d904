package io.atrium.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.testing.FaultyDynamoDb;
import io.atrium.shared.testing.FaultyDynamoDb.Fault;
import io.atrium.shared.testing.TestTables;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every SDK call inside a budget ends by the budget's end, and none starts after it. */
class CallBudgetTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("TENANT#t#PARTNER#budget"));
    private static String table;
    private final FaultyDynamoDb dynamoDb = new FaultyDynamoDb();

    @BeforeAll
    static void tables() {
        table = TestTables.create("call-budget").name("PartnerTable");
    }

    @Test
    void aHangingCallEndsWhenTheBudgetEndsNotWhenTheClientsOwnTimeoutDoes() {
        dynamoDb.always("GetItem", Fault.HANG);
        long started = System.nanoTime();

        assertThrows(ApiCallTimeoutException.class, () -> CallBudget.within(Duration.ofMillis(300),
                () -> dynamoDb.client().getItem(r -> r.tableName(table).key(KEY))));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(AwsClients.API_CALL_TIMEOUT) < 0, "took " + took.toMillis() + " ms");
    }

    @Test
    void noCallStartsOnceTheBudgetIsSpent() {
        int before = dynamoDb.attempts("GetItem");

        assertThrows(ApiCallTimeoutException.class, () -> CallBudget.within(Duration.ofMillis(10),
                () -> dynamoDb.client().getItem(r -> r.tableName(table).key(KEY))));

        assertEquals(before, dynamoDb.attempts("GetItem"));
    }

    @Test
    void insideABudgetCallsWorkAndAnInnerBudgetEndsWithItsWork() {
        String result = CallBudget.within(Duration.ofSeconds(5), () -> {
            dynamoDb.client().putItem(r -> r.tableName(table).item(Map.of("pk", KEY.get("pk"), "name", AttributeValue.fromS("x"))));
            CallBudget.within(Duration.ofMillis(10), () -> "spent");
            return dynamoDb.client().getItem(r -> r.tableName(table).key(KEY).consistentRead(true)).item().get("name").s();
        });
        assertEquals("x", result);
    }
}
