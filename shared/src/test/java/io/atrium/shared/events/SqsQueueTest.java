package io.atrium.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.config.Config;
import io.atrium.shared.testing.LocalSqs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Messages reach a real SQS (ElasticMQ) in batches of ten, and what SQS does not take is handed back. */
class SqsQueueTest {
    private static final LocalSqs SQS = LocalSqs.shared();

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
