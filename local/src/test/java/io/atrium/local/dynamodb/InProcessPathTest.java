package io.atrium.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The in-process path to DynamoDB Local (ADR 0107) against its loopback port, on the real engine: the same request
 * gets the same status and the same bytes on both (errors, cancellation reasons, consumed capacity), and what is
 * written in-process is what the AWS CLI reads over the port, stream record included.
 */
class InProcessPathTest {

    private static final DynamoDbLocal DB = DynamoDbLocal.shared();
    private static final HttpClient LOOPBACK = HttpClient.newHttpClient();
    private static final String TABLE = "inproc-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void table() {
        DB.client().createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @Test
    void aWriteInProcessIsReadOverTheLoopbackPortAndReachesTheStream() throws Exception {
        String pk = "visible-" + UUID.randomUUID();
        HttpResponse<String> put = send(inProcess(), "PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\""
                + pk + "\"},\"n\":{\"N\":\"7\"}}}");
        assertEquals(200, put.statusCode(), put.body());

        DynamoDbClient cli = DB.client(); // over the loopback port, as the AWS CLI
        Map<String, AttributeValue> item = cli.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk)))).item();
        assertEquals("7", item.get("n").n());

        String streamArn = cli.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = DynamoDbLocal.newStreamsClient(DB.endpoint())) {
            List<Record> records = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().stream()
                    .flatMap(shard -> streams.getRecords(g -> g.shardIterator(streams.getShardIterator(i -> i
                            .streamArn(streamArn).shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator())).records().stream())
                    .toList();
            assertTrue(records.stream().anyMatch(r -> r.eventNameAsString().equals("INSERT")
                    && pk.equals(r.dynamodb().newImage().get("pk").s())), "the in-process write is on the stream");
        }
    }

    @Test
    void answersAreTheLoopbackPortsByteForByte() throws Exception {
        String pk = "same-" + UUID.randomUUID();
        String key = "{\"pk\":{\"S\":\"" + pk + "\"}}";
        assertEquals(200, send(inProcess(), "PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":" + key + "}").statusCode());
        List<String[]> requests = List.of(
                new String[] {"GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":" + key
                        + ",\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"TOTAL\"}"},
                new String[] {"PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":" + key + ",\"ConditionExpression\":"
                        + "\"attribute_not_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}"},
                new String[] {"TransactWriteItems", "{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"" + TABLE
                        + "\",\"Key\":" + key + ",\"ConditionExpression\":\"attribute_not_exists(pk)\","
                        + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}},{\"Put\":{\"TableName\":\"" + TABLE
                        + "\",\"Item\":{\"pk\":{\"S\":\"other-" + pk + "\"}}}}],\"ReturnConsumedCapacity\":\"TOTAL\"}"},
                new String[] {"GetItem", "{\"TableName\":\"no-such-table\",\"Key\":" + key + "}"},
                new String[] {"GetItem", "{\"TableName\":\"" + TABLE + "\"}"},
                new String[] {"NoSuchOperation", "{}"});
        for (String[] request : requests) {
            HttpResponse<String> viaPort = send(LOOPBACK, request[0], request[1]);
            HttpResponse<String> viaProcess = send(inProcess(), request[0], request[1]);
            assertEquals(viaPort.statusCode(), viaProcess.statusCode(), request[0] + " " + viaPort.body());
            assertEquals(viaPort.body(), viaProcess.body(), request[0]);
            assertEquals(viaPort.headers().firstValue("x-amz-crc32"), viaProcess.headers().firstValue("x-amz-crc32"));
            assertEquals(viaPort.headers().firstValue("Content-Type"), viaProcess.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void onlyThisInstancesEndpointIsServedInProcess() {
        assertTrue(DynamoDbLocal.inProcess(URI.create("http://127.0.0.1:1")).isEmpty());
        HttpRequest elsewhere = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThrows(ConnectException.class, () -> inProcess().send(elsewhere, HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpClient inProcess() {
        return DynamoDbLocal.inProcess(DB.endpoint()).orElseThrow();
    }

    private static HttpResponse<String> send(HttpClient client, String operation, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(DB.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
