package io.atrium.shared.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.testing.TestTables;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * While priming, every DynamoDB write of the functions' client is refused by DynamoDB itself, whatever the write and
 * whatever the table holds (ADR 0016): against DynamoDB Local, through the client {@link AwsClients} builds.
 */
class PrimingGuardTest {
    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void client() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        table = TableProvisioner.createTables(local.client(), ProjectLayout.root().resolve("shared/template.yaml"), "priming-guard")
                .get("PartnerTable");
        dynamoDb = AwsClients.dynamoDb(TestTables.functionConfig());
    }

    @Test
    void everyKindOfWriteIsRefusedAndTheTableStaysAsItWas() {
        Map<String, AttributeValue> existing = item("TENANT#t#PARTNER#existing", "before");
        dynamoDb.putItem(p -> p.tableName(table).item(existing));
        Set<Map<String, AttributeValue>> before = items();

        PrimingGuard.refusingWrites(() -> {
            assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(p -> p.tableName(table)
                    .item(item("TENANT#t#PARTNER#new", "new"))));
            assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(p -> p.tableName(table)
                    .item(item("TENANT#t#PARTNER#existing", "overwritten")).conditionExpression("attribute_exists(pk)")));
            assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.updateItem(u -> u.tableName(table)
                    .key(key(existing)).updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("changed")))));
            assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.deleteItem(d -> d.tableName(table).key(key(existing))));
            assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(t -> t.transactItems(
                    w -> w.put(p -> p.tableName(table).item(item("TENANT#t#PARTNER#other", "new"))),
                    w -> w.delete(d -> d.tableName(table).key(key(existing))))));
            assertThrows(IllegalStateException.class, () -> dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table,
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(item("TENANT#t#PARTNER#batch", "new"))).build())))));
            assertTrue(PrimingGuard.active());
            return null;
        });

        assertEquals(before, items());
        assertFalse(PrimingGuard.active());
    }

    @Test
    void outsidePrimingWritesApplyAsAsked() {
        dynamoDb.putItem(p -> p.tableName(table).item(item("TENANT#t#PARTNER#applied", "applied")));

        assertEquals("applied", dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#t#PARTNER#applied")))).item().get("name").s());
    }

    private static Map<String, AttributeValue> item(String pk, String name) {
        return Map.of("pk", AttributeValue.fromS(pk), "name", AttributeValue.fromS(name));
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"));
    }

    private static Set<Map<String, AttributeValue>> items() {
        return new HashSet<>(dynamoDb.scan(s -> s.tableName(table).consistentRead(true)).items());
    }
}
