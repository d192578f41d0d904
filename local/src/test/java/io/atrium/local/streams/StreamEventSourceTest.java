package io.atrium.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.Fixtures;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A table's stream on DynamoDB Local polled into a function (the JDK-only fixture {@code StreamRecorder}, which
 * writes what it was invoked with to a file): batches, partial failures, bisect, retries and what reaches the
 * on-failure destination.
 */
class StreamEventSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DynamoDbClient DB = DynamoDbLocal.shared().client();

    /** One table, one consumer, what it recorded and what its on-failure destination got. */
    private static final class Harness implements AutoCloseable {
        final String table = "streams-" + UUID.randomUUID();
        final Path record;
        final List<String> destination = Collections.synchronizedList(new ArrayList<>());
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamEventSource source;
        LocalFunction function;

        Harness() throws IOException {
            record = Files.createTempFile("stream-recorder", ".txt");
            DB.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        }

        void put(String pk, String mode) {
            DB.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "mode", AttributeValue.fromS(mode))));
        }

        void start(MappingSettings settings) throws IOException {
            function = new LocalFunction(new LocalFunction.Config("fx", "Recorder", "fx-Recorder",
                    "arn:aws:lambda:us-east-1:123456789012:function:fx-Recorder",
                    "io.atrium.local.fixture.StreamRecorder::handleRequest", Fixtures.path("/"), List.of(),
                    Map.of("RECORD_FILE", record.toString()), 5, 128), Files.createTempDirectory("stream-fn"));
            String streamArn = DB.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            String awsArn = "arn:aws:dynamodb:us-east-1:123456789012:table/" + table + "/stream/2026-01-01T00:00:00.000";
            source = new StreamEventSource("fx/Recorder <- " + table, new StreamEventSource.Stream(
                    DynamoDbLocal.newStreamsClient(DynamoDbLocal.shared().endpoint()), streamArn, awsArn, "us-east-1"),
                    settings, new StreamEventSource.Target(EventInvoker.unrecorded(function), "arn:aws:lambda:us-east-1:123456789012:function:fx-Recorder",
                    destination::add, new PrintStream(log, true)));
            source.start();
        }

        List<String> lines() throws IOException {
            return Files.readAllLines(record);
        }

        /** The batches the function was invoked with, in order. */
        List<List<String>> invocations() throws IOException {
            return lines().stream().filter(l -> l.startsWith("invoked ")).map(l -> List.of(l.substring(8).split(","))).toList();
        }

        List<String> done() throws IOException {
            return lines().stream().filter(l -> l.startsWith("done ")).map(l -> l.substring(5)).distinct().sorted().toList();
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
                function.close();
            }
            DB.deleteTable(r -> r.tableName(table));
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static BooleanSupplier destinationHas(Harness h, int messages) {
        return () -> h.destination.size() >= messages;
    }

    @Test
    void everyRecordReachesTheFunctionInOrderInBatchesOfTheBatchSize() throws Exception {
        try (Harness h = new Harness()) {
            for (int i = 0; i < 10; i++) {
                h.put("r" + i, "ok");
            }
            h.start(new MappingSettings(4, 0, -1, -1, false, true, false));
            await("all ten handled", () -> uncheckedDone(h).size() == 10);
            assertEquals(List.of(List.of("r0", "r1", "r2", "r3"), List.of("r4", "r5", "r6", "r7"), List.of("r8", "r9")),
                    h.invocations());
            h.put("r10", "ok");
            await("a record written later", () -> uncheckedDone(h).contains("r10"));
            assertEquals(List.of(), h.destination);
        }
    }

    @Test
    void aPoisonRecordIsIsolatedByBisectAndGivenUpAloneAfterItsRetries() throws Exception {
        try (Harness h = new Harness()) {
            List<String> ok = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                h.put("r" + i, i == 3 ? "throw" : "ok");
                if (i != 3) {
                    ok.add("r" + i);
                }
            }
            h.start(new MappingSettings(8, 0, 2, -1, true, true, false));
            await("the poison record given up", destinationHas(h, 1));
            await("every other record handled", () -> uncheckedDone(h).equals(ok));
            long alone = h.invocations().stream().filter(List.of("r3")::equals).count();
            assertEquals(3, alone, "invoked alone once, then retried twice: " + h.invocations());
            JsonNode failure = JSON.readTree(h.destination.get(0));
            assertEquals("RetryAttemptsExhausted", failure.at("/requestContext/condition").textValue());
            assertEquals("Unhandled", failure.at("/responseContext/functionError").textValue());
            assertEquals(1, failure.at("/DDBStreamBatchInfo/batchSize").intValue());
            assertEquals(failure.at("/DDBStreamBatchInfo/startSequenceNumber"), failure.at("/DDBStreamBatchInfo/endSequenceNumber"));
            assertTrue(failure.at("/DDBStreamBatchInfo/streamArn").textValue().startsWith("arn:aws:dynamodb:us-east-1:"),
                    "the stream ARN as the template names it");
            assertEquals(1, h.destination.size());
        }
    }

    @Test
    void aReportedFailureResumesFromItsSequenceNumberAndWithoutBisectTheRestIsGivenUpWithIt() throws Exception {
        try (Harness h = new Harness()) {
            for (int i = 0; i < 5; i++) {
                h.put("r" + i, i == 2 ? "report" : "ok");
            }
            h.start(new MappingSettings(5, 0, 1, -1, false, true, false));
            await("the failing rest given up", destinationHas(h, 1));
            assertEquals(List.of(List.of("r0", "r1", "r2", "r3", "r4"), List.of("r2", "r3", "r4")), h.invocations(),
                    "retried from the reported record: r0 and r1 were checkpointed");
            JsonNode info = JSON.readTree(h.destination.get(0)).get("DDBStreamBatchInfo");
            assertEquals(3, info.get("batchSize").intValue());
            assertEquals(2, JSON.readTree(h.destination.get(0)).at("/requestContext/approximateInvokeCount").intValue());
        }
    }

    @Test
    void latestSkipsWhatWasWrittenBeforeTheStart() throws Exception {
        try (Harness h = new Harness()) {
            h.put("before", "ok");
            h.start(new MappingSettings(10, 0, -1, -1, false, false, true));
            h.put("after", "ok");
            await("the record written after the start", () -> uncheckedDone(h).contains("after"));
            assertEquals(List.of("after"), h.done());
        }
    }

    @Test
    void writesToOtherTablesWhileTheShardIsIdleDoNotStallIt() throws Exception {
        try (Harness h = new Harness(); Harness other = new Harness()) {
            h.start(new MappingSettings(10, 0, -1, -1, false, false, false));
            Thread.sleep(3 * StreamEventSource.POLL_INTERVAL_MS); // the shard iterator now rests on an empty page
            for (int i = 0; i < 5; i++) {
                other.put("elsewhere" + i, "ok"); // DynamoDB Local numbers every stream's records in one sequence
            }
            h.put("mine", "ok");
            await("the record after the other table's", () -> uncheckedDone(h).contains("mine"));
            other.source = null;
        }
    }

    private static List<String> uncheckedDone(Harness h) {
        try {
            return h.done();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
