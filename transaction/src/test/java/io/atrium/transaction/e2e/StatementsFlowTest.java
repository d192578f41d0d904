package io.atrium.transaction.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.streams.StreamRecordJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The statements flow end to end, through the local runtime over HTTP: transactions written through the API reach
 * {@code GET /statements/{yyyy-mm}} through TransactionTable's stream, the runtime's stream event source and
 * PostToStatementsFunction, as the transaction template declares them (ADRs 0303, 0106).
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "partner/template.yaml", "contract/template.yaml",
        "transaction/template.yaml"})
class StatementsFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MONTH = YearMonth.now(ZoneOffset.UTC).toString();

    /** A tenant of its own with an active EUR contract. */
    private record Tenant(String tenantId, String token, String contractId) {
    }

    @Test
    void chargesAndRefundsAppearInTheMonthsStatementWithExactTotals(LocalSystem system) throws Exception {
        Tenant tenant = tenant(system, "Statements Corp");
        transaction(system, tenant, "CHARGE", "100.00");
        transaction(system, tenant, "CHARGE", "20.50");
        transaction(system, tenant, "REFUND", "30.00");
        JsonNode statement = awaitCount(system, tenant, 3);
        assertEquals(JSON.readTree("{\"month\":\"" + MONTH + "\",\"totals\":[{\"currency\":\"EUR\",\"charged\":\"120.50\","
                + "\"refunded\":\"30.00\",\"net\":\"90.50\",\"count\":3}]}"), statement);
        Tenant other = tenant(system, "Other Corp");
        assertEquals(JSON.readTree("{\"month\":\"" + MONTH + "\",\"totals\":[]}"), statement(system, other),
                "a tenant sees only its own statement");
    }

    @Test
    void replayingTheSameStreamRecordsChangesNothing(LocalSystem system) throws Exception {
        Tenant tenant = tenant(system, "Replay Corp");
        transaction(system, tenant, "CHARGE", "10.00");
        transaction(system, tenant, "REFUND", "2.50");
        JsonNode before = awaitCount(system, tenant, 2);
        List<JsonNode> records = streamRecords(system).stream()
                .filter(r -> tenant.tenantId().equals(r.at("/dynamodb/NewImage/tenantId/S").textValue())).toList();
        assertEquals(2, records.size(), "the tenant's two transactions on the stream");
        List<JsonNode> twice = new ArrayList<>(records);
        twice.addAll(records);
        LocalFunction consumer = system.runtime().stacks().stream().filter(s -> s.definition().name().equals("transaction"))
                .findFirst().orElseThrow().functions().get("PostToStatementsFunction");
        for (List<JsonNode> batch : List.of(records, records, twice)) {
            ObjectNode event = JSON.createObjectNode();
            event.putArray("Records").addAll(batch);
            LocalFunction.Result result = consumer.invoke(event, UUID.randomUUID().toString());
            assertTrue(result.ok(), result.errorMessage());
            assertEquals(0, result.output().get("batchItemFailures").size(), result.output().toString());
        }
        assertEquals(before, statement(system, tenant), "redelivered and duplicated records never count twice");
    }

    @Test
    void aRecordTheConsumerFailsLosesNoOtherAndEndsInTheFailureQueueAfterItsRetries(LocalSystem system) throws Exception {
        Tenant tenant = tenant(system, "Poison Corp");
        String id = transaction(system, tenant, "CHARGE", "5.00");
        awaitCount(system, tenant, 1);
        String table = system.tableName("TransactionTable");
        Map<String, AttributeValue> original = system.dynamoDb().scan(r -> r.tableName(table).filterExpression("transactionId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id)))).items().get(0);
        Map<String, AttributeValue> poison = copy(original, id + "-p", "0.01");
        poison.put("type", AttributeValue.fromS("NOT_A_TYPE"));
        // one write, three records: the poison between two good ones
        system.dynamoDb().batchWriteItem(r -> r.requestItems(Map.of(table, List.of(put(copy(original, id + "-a", "1.00")),
                put(poison), put(copy(original, id + "-b", "2.00"))))));
        JsonNode statement = awaitCount(system, tenant, 3);
        assertEquals("8.00", statement.at("/totals/0/charged").textValue(), "both good records counted, once");

        JsonNode failure = JSON.readTree(awaitFailureMessage(system).body());
        assertEquals("RetryAttemptsExhausted", failure.at("/requestContext/condition").textValue());
        assertTrue(failure.at("/requestContext/approximateInvokeCount").intValue() >= 6, "1 invocation and 5 retries: " + failure);
        JsonNode info = failure.get("DDBStreamBatchInfo");
        assertEquals(1, info.get("batchSize").intValue(), "bisect leaves the poison record alone: " + failure);
        String poisonSequence = sequenceNumberOf(streamRecords(system), poison.get("pk").s());
        assertEquals(poisonSequence, info.get("startSequenceNumber").textValue());
        assertEquals(poisonSequence, info.get("endSequenceNumber").textValue());
        String exported = system.exports().entrySet().stream().filter(e -> e.getKey().endsWith("-TransactionTableStreamArn"))
                .findFirst().orElseThrow().getValue();
        assertEquals(exported, info.get("streamArn").textValue(), "the stream as the template names it");
        assertEquals(statement, statement(system, tenant), "nothing else changed");
    }

    private static Tenant tenant(LocalSystem system, String name) throws Exception {
        ApiClients clients = new ApiClients(system);
        ApiClients.TenantClient client = clients.onboard(name, "premium");
        String token = clients.token(client);
        HttpResponse<String> partner = send(post(system.baseUrl("partner"), "/partners", token,
                "{\"name\":\"Acme\",\"email\":\"billing@acme.example\",\"country\":\"DE\"}"));
        assertEquals(201, partner.statusCode(), partner.body());
        HttpResponse<String> contract = send(post(system.baseUrl("contract"), "/contracts", token, "{\"partnerId\":\""
                + JSON.readTree(partner.body()).get("id").textValue() + "\",\"title\":\"Support\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"5000.00\",\"currency\":\"EUR\"}}"));
        assertEquals(201, contract.statusCode(), contract.body());
        String contractId = JSON.readTree(contract.body()).get("id").textValue();
        HttpResponse<String> active = send(post(system.baseUrl("contract"), "/contracts/" + contractId + "/activate", token, "")
                .header("If-Match", contract.headers().firstValue("ETag").orElseThrow()));
        assertEquals(200, active.statusCode(), active.body());
        return new Tenant(client.tenantId(), token, contractId);
    }

    /** A transaction through the API; its id. */
    private static String transaction(LocalSystem system, Tenant tenant, String type, String amount) throws Exception {
        HttpResponse<String> created = send(post(system.baseUrl("transaction"), "/transactions", tenant.token(), "{\"contractId\":\""
                + tenant.contractId() + "\",\"type\":\"" + type + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"},"
                + "\"reference\":\"" + type + "-" + amount + "\"}").header("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").textValue();
    }

    private static JsonNode statement(LocalSystem system, Tenant tenant) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(system.baseUrl("transaction") + "/statements/" + MONTH))
                .header("Authorization", "Bearer " + tenant.token()));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The statement once it counts {@code count} transactions (the stream delivers within a second or so). */
    private static JsonNode awaitCount(LocalSystem system, Tenant tenant, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode statement = statement(system, tenant);
            int counted = 0;
            for (JsonNode total : statement.get("totals")) {
                counted += total.get("count").intValue();
            }
            if (counted >= count) {
                assertEquals(count, counted, statement.toString());
                return statement;
            }
            assertTrue(System.currentTimeMillis() < deadline, "the statement did not count " + count + " within 20 s: " + statement);
            Thread.sleep(50);
        }
    }

    /** Every record on TransactionTable's stream, as Lambda hands them to the consumer. */
    private static List<JsonNode> streamRecords(LocalSystem system) {
        String table = system.tableName("TransactionTable");
        String streamArn = system.dynamoDb().describeTable(r -> r.tableName(table)).table().latestStreamArn();
        List<JsonNode> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = DynamoDbLocal.newStreamsClient(system.dynamoDbEndpoint())) {
            for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                    page.records().forEach(record -> records.add(StreamRecordJson.lambdaRecord(record, streamArn, "us-east-1")));
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return records;
    }

    private static String sequenceNumberOf(List<JsonNode> records, String pk) {
        return records.stream().filter(r -> pk.equals(r.at("/dynamodb/Keys/pk/S").textValue())).findFirst().orElseThrow()
                .at("/dynamodb/SequenceNumber").textValue();
    }

    private static Message awaitFailureMessage(LocalSystem system) throws InterruptedException {
        var sqs = system.runtime().registry().sqs();
        String url = sqs.queues().get("transaction/StatementFailureQueue");
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Message> messages = sqs.client().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("nothing reached StatementFailureQueue within 30 s");
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> item, String id, String amount) {
        Map<String, AttributeValue> out = new HashMap<>(item);
        out.put("pk", AttributeValue.fromS(item.get("pk").s().replace(item.get("transactionId").s(), id)));
        out.put("transactionId", AttributeValue.fromS(id));
        out.put("amount", AttributeValue.fromN(amount));
        return out;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
