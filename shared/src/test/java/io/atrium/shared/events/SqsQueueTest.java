package io.atrium.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.atrium.shared.config.Config;
import io.atrium.shared.json.Json;
import io.atrium.shared.trace.Invocation;
import io.atrium.shared.trace.TraceHeader;
import io.atrium.shared.testing.LocalSqs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Messages reach a real SQS (ElasticMQ) in batches of ten, and what SQS does not take is handed back. */
class SqsQueueTest {
    private static final LocalSqs SQS = LocalSqs.shared();
    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void everyItemIsSentOnceAcrossBatches() {
        String url = SQS.newQueue("sqs-queue-test");
        List<Integer> items = IntStream.range(0, 23).boxed().toList();

        List<Integer> unsent = new SqsQueue(SQS.client(), url, "test").send(items, i -> "{\"n\":" + i + "}");

        assertEquals(List.of(), unsent);
        Set<String> bodies = new TreeSet<>();
        for (int reads = 0; reads < 10 && bodies.size() < 23; reads++) {
            SQS.receive(url).forEach(m -> bodies.add(m.body()));
        }
        Set<String> expected = new TreeSet<>();
        items.forEach(i -> expected.add("{\"n\":" + i + "}"));
        assertEquals(expected, bodies);
    }

    @Test
    void aFunctionsQueueIsBuiltFromItsSettingsOnTheLayersHttpClient() {
        String url = SQS.newQueue("sqs-queue-test");
        Config config = new Config(Map.of("QUEUE_URL", url, "AWS_ENDPOINT_URL_SQS", SQS.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));

        assertEquals(List.of(), SqsQueue.fromSettings(config, "QUEUE_URL", "test").send(List.of("a"), item -> "{\"x\":\"" + item + "\"}"));

        assertEquals(List.of("{\"x\":\"a\"}"), SQS.receive(url).stream().map(m -> m.body()).toList());
        Config.MissingSettingException missing = assertThrows(Config.MissingSettingException.class,
                () -> SqsQueue.fromSettings(config, "ORDER_QUEUE_URL", "test"));
        assertTrue(missing.getMessage().contains("ORDER_QUEUE_URL"), missing.getMessage());
    }

    @Test
    void eachMessageCarriesItsSendersTraceAndItsWorkContinuesIt() throws Exception {
        String url = SQS.newQueue("sqs-queue-test");
        Invocation sender = Invocation.begin(TRACE, "placeOrder");
        String header = Invocation.currentHeader();
        assertEquals(List.of(), new SqsQueue(SQS.client(), url, "test").send(List.of("a"), item -> "{}"));
        sender.end();

        List<Message> received = SQS.receive(url);
        assertEquals(header, received.get(0).attributesAsStrings().get("AWSTraceHeader"));
        SqsEvent event = Json.MAPPER.readerFor(SqsEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(LocalSqs.event(url, received));
        assertEquals(header, event.records().get(0).traceHeader());
        Invocation worker = Invocation.begin("Root=1-00000001-000000000000000000000001;Sampled=1", "confirmOrder");
        String continued = Invocation.continuing(event.records().get(0).traceHeader(), "confirmOrder",
                () -> Invocation.current().traceId() + " " + Invocation.currentHeader());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", continued.split(" ")[0]);
        assertTrue(continued.endsWith(";Sampled=1") && !continued.contains(TraceHeader.parse(header).parent()), continued);
        assertEquals(worker, Invocation.current(), "the worker's own trace goes on after the message");
        worker.end();
    }

    @Test
    void whatSqsRefusesIsHandedBack() {
        String url = SQS.newQueue("sqs-queue-test");
        List<String> items = new ArrayList<>(List.of("ok-1", "bad", "ok-2"));

        // SQS refuses a body with characters outside its allowed set (here U+0001), entry by entry.
        List<String> unsent = new SqsQueue(SQS.client(), url, "test").send(items, item -> item.equals("bad") ? "\u0001" : item);

        assertEquals(List.of("bad"), unsent);
        assertEquals(List.of("ok-1", "ok-2"), SQS.receive(url).stream().map(m -> m.body()).sorted().toList());
        assertEquals(items, new SqsQueue(SQS.client(), url + "-missing", "test").send(items, item -> item));
    }
}
