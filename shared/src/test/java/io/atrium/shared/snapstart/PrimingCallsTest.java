package io.atrium.shared.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.testing.TestTables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The priming calls against DynamoDB Local: they change nothing, and a write that would apply is refused loudly. */
class PrimingCallsTest {
    private static final TestTables TABLES = TestTables.create("priming-calls");
    private final DynamoDbClient dynamoDb = TABLES.client();

    @Test
    void primingReadsAndWritesLeaveTheTableEmpty() {
        String table = TABLES.name("IdempotencyTable");

        new PrimingRead(dynamoDb, table).run();
        new PrimingWrites(dynamoDb, table).run();

        assertEquals(0, dynamoDb.scan(s -> s.tableName(table).consistentRead(true)).count());
    }

    @Test
    void aPrimingWriteThatDynamoDbWouldApplyFailsThePrimer() {
        String table = TABLES.name("PartnerTable");
        dynamoDb.putItem(p -> p.tableName(table).item(Map.of("pk", PrimingRead.KEY)));

        assertThrows(IllegalStateException.class, () -> new PrimingWrites(dynamoDb, table).run());
    }
}
