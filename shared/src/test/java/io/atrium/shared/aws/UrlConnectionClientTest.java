package io.atrium.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.config.Config;
import io.atrium.shared.testing.TestTables;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The functions' SDK client, exactly as AwsClients builds it (on UrlConnectionClient), against DynamoDB Local over real HTTP. */
class UrlConnectionClientTest {
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

    @Test
    void anEndpointThatNeverAnswersIsAbortedIntoA503() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = background(() -> holdConnections(silent, null));
            SdkException error = assertThrows(SdkException.class, () -> clientOf(silent).getItem(r -> r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("x")))));
            assertTrue(DependencyFailures.isDependencyFailure(error), "a silent endpoint is a 503: " + error);
            accepting.interrupt();
        }
    }

    @Test
    void aServerErrorWithoutABodyIsA503() throws Exception {
        try (ServerSocket failing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            byte[] answer = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            Thread accepting = background(() -> holdConnections(failing, answer));
            SdkServiceException error = assertThrows(SdkServiceException.class, () -> clientOf(failing).getItem(r -> r
                    .tableName(table).key(Map.of("pk", AttributeValue.fromS("x")))));
            assertEquals(500, error.statusCode());
            assertTrue(DependencyFailures.isDependencyFailure(error));
            accepting.interrupt();
        }
    }

    private static Thread background(Runnable work) {
        Thread thread = new Thread(work, "test-endpoint");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static DynamoDbClient clientOf(ServerSocket server) {
        return AwsClients.dynamoDb(new Config(Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + server.getLocalPort(),
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local")));
    }

    /** Accepts connections, reads each request's head and answers it with {@code answer} and closes, or never answers (null). */
    private static void holdConnections(ServerSocket server, byte[] answer) {
        List<Socket> open = new ArrayList<>();
        try {
            while (true) {
                Socket socket = server.accept();
                open.add(socket);
                if (answer != null) {
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write(answer);
                    socket.close();
                }
            }
        } catch (IOException closed) {
            // the test closed the server
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
    }
}
