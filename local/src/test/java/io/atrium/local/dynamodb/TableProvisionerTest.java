package io.atrium.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.Fixtures;
import io.atrium.local.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableProvisionerTest {

    private final DynamoDbClient client = DynamoDbLocal.shared().client();

    @Test
    void createsTablesExactlyAsDeclared() {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = TableProvisioner.createTables(client, Fixtures.path("/dynamodb/tables.yaml"), prefix);
        assertEquals(Map.of("OrderTable", prefix + "-OrderTable", "NamedTable", prefix + "-named"), names);

        TableDescription orders = client.describeTable(r -> r.tableName(prefix + "-OrderTable")).table();
        assertEquals(List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()),
                orders.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, orders.billingModeSummary().billingMode());
        GlobalSecondaryIndexDescription gsi = orders.globalSecondaryIndexes().get(0);
        assertEquals("byTenant", gsi.indexName());
        assertEquals(List.of(
                KeySchemaElement.builder().attributeName("gsi1pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("gsi1sk").keyType(KeyType.RANGE).build()), gsi.keySchema());
        assertEquals(ProjectionType.INCLUDE, gsi.projection().projectionType());
        assertEquals(List.of("status", "total"), gsi.projection().nonKeyAttributes());
        assertTrue(orders.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, orders.streamSpecification().streamViewType());
        assertNotNull(orders.latestStreamArn());
        var ttl = client.describeTimeToLive(r -> r.tableName(prefix + "-OrderTable")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());

        TableDescription named = client.describeTable(r -> r.tableName(prefix + "-named")).table();
        assertEquals(5L, named.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, named.provisionedThroughput().writeCapacityUnits());
        assertEquals("byLsk", named.localSecondaryIndexes().get(0).indexName());
        assertEquals(KeyType.RANGE, named.keySchema().get(1).keyType());

        // the table really works, index included
        client.putItem(r -> r.tableName(prefix + "-OrderTable").item(Map.of(
                "pk", AttributeValue.fromS("TENANT#t1#ORDER#o1"), "gsi1pk", AttributeValue.fromS("TENANT#t1#ORDERS"),
                "gsi1sk", AttributeValue.fromS("2024#o1"), "status", AttributeValue.fromS("PENDING"))));
        var found = client.query(r -> r.tableName(prefix + "-OrderTable").indexName("byTenant")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#t1#ORDERS"))));
        assertEquals("PENDING", found.items().get(0).get("status").s());
    }

    @Test
    void aTableKeptFromAnEarlierRunGetsTheStreamTheTemplateDeclares() {
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8);
        String name = prefix + "-OrderTable";
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        var template = io.atrium.local.template.Template.read(Fixtures.path("/dynamodb/tables.yaml"));
        var resolver = io.atrium.local.template.TemplateResolver.builder(template).stackName(prefix).build();
        var kept = TableProvisioner.provision(client, template, resolver, Map.of("OrderTable", name), true);
        assertNotNull(kept.get(0).streamArn(), "the declared stream is enabled on the kept table");
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES,
                client.describeTable(r -> r.tableName(name)).table().streamSpecification().streamViewType());
    }

    @Test
    void unemulatedPropertyNamesTheLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> TableProvisioner.createTables(client,
                Fixtures.path("/dynamodb/bad-property.yaml"), "bad" + UUID.randomUUID().toString().substring(0, 8)));
        assertTrue(e.getMessage().contains("bad-property.yaml:8: Resources.BadTable.Properties.KinesisStreamSpecification:"
                + " AWS::DynamoDB::Table property 'KinesisStreamSpecification' is not emulated"), e.getMessage());
    }

    @Test
    void sharedInstanceIsOneAndReachableOnLoopback() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        assertTrue(local == DynamoDbLocal.shared());
        assertEquals("127.0.0.1", local.endpoint().getHost());
        try (DynamoDbClient other = DynamoDbLocal.newClient(local.endpoint())) {
            assertNotNull(other.listTables().tableNames());
        }
    }
}
