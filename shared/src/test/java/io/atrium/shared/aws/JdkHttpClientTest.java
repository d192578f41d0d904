package io.atrium.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.config.Config;
import io.atrium.shared.testing.TestTables;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The functions' SDK client, exactly as AwsClients builds it, against DynamoDB Local over real HTTP. */
class JdkHttpClientTest {
    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void client() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        table = TableProvisioner.createTables(local.client(), ProjectLayout.root().resolve("shared/template.yaml"), "jdk-http")
                .get("PartnerTable");
        dynamoDb = AwsClients.dynamoDb(TestTables.functionConfig());
    }

    @Test
    void signedRequestsAndServiceErrorsRoundTrip() {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("TENANT#t#PARTNER#p1"), "name", AttributeValue.fromS("Ünïcødé & co"));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
        assertEquals(item, dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", item.get("pk"))).consistentRead(true)).item());

        ConditionalCheckFailedException failed = assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(r -> r
                .tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(400, failed.statusCode());
        assertEquals("Ünïcødé & co", failed.item().get("name").s());
    }

    @Test
    void anUnreachableEndpointBecomesA503WithinTheBudget() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbClient unreachable = AwsClients.dynamoDb(new Config(Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort,
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local")));
        SdkClientException error = assertThrows(SdkClientException.class,
                () -> unreachable.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("x")))));
        assertTrue(DependencyFailures.isDependencyFailure(error), "no connection is a 503");
        assertTrue(error.numAttempts() >= 1);
    }
}
