package io.atrium.contract.handler;

import static io.atrium.shared.testing.BatchEvents.failedItems;
import static io.atrium.shared.testing.BatchEvents.invoke;
import static io.atrium.shared.testing.BatchEvents.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.contract.service.ExpiryRun;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.events.SqsQueue;
import io.atrium.shared.testing.Concurrently;
import io.atrium.shared.testing.LocalSqs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * schedule input -> QueueDueContractsHandler -> byEndDate index, page by page -> SQS (ElasticMQ) ->
 * ExpireContractHandler -> ContractTable and the partners' counters. Each test has tables of its own, since
 * the index spans every tenant of a table.
 */
class ContractExpiryFlowTest {
    private static final LocalSqs SQS = LocalSqs.shared();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** One test's tables, queue, producer (index pages of {@code pageSize}) and worker. */
    private record Flow(ContractFixture api, String queueUrl, QueueDueContractsHandler producer, ExpireContractHandler worker) {
        static Flow create(String name, int pageSize) {
            ContractFixture api = new ContractFixture("contract-expiry-" + name);
            String queueUrl = SQS.newQueue("expiry-" + name);
            ExpiryRun run = new ExpiryRun(api.contracts, new SqsQueue(SQS.client(), queueUrl, "contract"), Clock.systemUTC(), pageSize);
            return new Flow(api, queueUrl, new QueueDueContractsHandler(run), new ExpireContractHandler(api.service));
        }

        JsonNode runSchedule(String input) {
            return invoke(producer, input);
        }

        List<Message> queued() {
            List<Message> all = new ArrayList<>();
            for (List<Message> batch = SQS.receive(queueUrl); !batch.isEmpty(); batch = SQS.receive(queueUrl)) {
                all.addAll(batch);
            }
            return all;
        }

        String status(String tenant, String contractId) {
            return api.stored(tenant, contractId).get("status").s();
        }
    }

    @Test
    void aDailyRunQueuesEveryDueContractOfEveryTenantPageByPageAndTheWorkerExpiresThemOnce() {
        Flow flow = Flow.create("daily", 3);
        List<String[]> due = new ArrayList<>();
        List<String[]> partners = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String tenant = OwnedIds.newTenantId();
            String partner = flow.api().partner(tenant);
            partners.add(new String[] {tenant, partner});
            for (int c = 0; c < 3; c++) {
                due.add(new String[] {tenant, flow.api().activeContract(tenant, partner, TODAY.minusDays(1 + 10L * c))});
            }
        }
        String tenant = partners.get(0)[0];
        String partner = partners.get(0)[1];
        String endsToday = flow.api().activeContract(tenant, partner, TODAY);
        String endsTomorrow = flow.api().activeContract(tenant, partner, TODAY.plusDays(1));
        assertEquals(5, flow.api().activeContracts(tenant, partner));

        JsonNode run = flow.runSchedule("{}");

        assertEquals(TODAY.toString(), run.get("asOf").asText());
        assertEquals(9, run.get("queued").asInt(), "9 due contracts over 4 index pages of 3");
        List<Message> messages = flow.queued();
        Set<String> expected = new TreeSet<>();
        due.forEach(d -> expected.add("{\"tenantId\":\"" + d[0] + "\",\"contractId\":\"" + d[1] + "\"}"));
        assertEquals(expected, new TreeSet<>(messages.stream().map(Message::body).toList()));

        String event = LocalSqs.event(flow.queueUrl(), messages);
        assertEquals(List.of(), failedItems(invoke(flow.worker(), event)));
        for (String[] d : due) {
            Map<String, AttributeValue> item = flow.api().stored(d[0], d[1]);
            assertEquals("EXPIRED", item.get("status").s());
            assertFalse(item.containsKey("gsi4pk"), "an expired contract leaves the expiry index");
        }
        assertEquals("ACTIVE", flow.status(tenant, endsToday), "a contract runs through its end date");
        assertEquals("ACTIVE", flow.status(tenant, endsTomorrow));
        assertEquals(2, flow.api().activeContracts(tenant, partner));
        assertEquals(0, flow.api().activeContracts(partners.get(1)[0], partners.get(1)[1]));

        // The same messages again (a redelivery), and the whole run again: nothing changes.
        assertEquals(List.of(), failedItems(invoke(flow.worker(), event)));
        assertEquals(0, flow.runSchedule("{}").get("queued").asInt());
        assertEquals(List.of(), flow.queued());
        assertEquals(2, flow.api().activeContracts(tenant, partner));
        assertEquals("3", flow.api().stored(due.get(0)[0], due.get(0)[1]).get("version").n(), "created 1, activated 2, expired 3");
    }

    @Test
    void aReplayForAnEarlierDayQueuesOnlyWhatWasDueThenAndAFutureDayOrBadInputIsRefused() {
        Flow flow = Flow.create("replay", 100);
        String tenant = OwnedIds.newTenantId();
        String partner = flow.api().partner(tenant);
        String january = flow.api().activeContract(tenant, partner, LocalDate.parse("2020-01-10"));
        flow.api().activeContract(tenant, partner, LocalDate.parse("2020-03-10"));

        JsonNode run = flow.runSchedule("{\"asOf\": \"2020-02-01\"}");

        assertEquals("2020-02-01", run.get("asOf").asText());
        assertEquals(1, run.get("queued").asInt());
        assertEquals(List.of("{\"tenantId\":\"" + tenant + "\",\"contractId\":\"" + january + "\"}"),
                flow.queued().stream().map(Message::body).toList());
        for (String input : List.of("{\"asOf\": \"" + TODAY.plusDays(1) + "\"}", "{\"asOf\": \"2020-13-01\"}",
                "{\"asof\": \"2020-02-01\"}", "{\"asOf\": 20200201}", "[]")) {
            assertThrows(IllegalArgumentException.class, () -> flow.runSchedule(input), input);
        }
        assertEquals(List.of(), flow.queued(), "a refused run queues nothing");
        assertEquals(2, flow.runSchedule("").get("queued").asInt(), "no input: today");
    }

    @Test
    void aConcurrentTerminateAndExpiryEndWithOneOfThemAndTheCounterDroppedOnce() throws Exception {
        Flow flow = Flow.create("race", 100);
        String tenant = OwnedIds.newTenantId();
        String partner = flow.api().partner(tenant);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(flow.api().activeContract(tenant, partner, TODAY.minusDays(2)));
        }
        flow.runSchedule("{}");
        String event = LocalSqs.event(flow.queueUrl(), flow.queued());

        List<Callable<Object>> calls = new ArrayList<>();
        calls.add(() -> invoke(flow.worker(), event));
        for (String id : ids) {
            calls.add(() -> flow.api().terminate(tenant, id, 2).getStatusCode());
        }
        List<Object> results;
        try (Concurrently concurrently = new Concurrently(calls.size())) {
            results = concurrently.run(calls);
        }

        assertEquals(List.of(), failedItems((JsonNode) results.get(0)), "a lost race is not a failure");
        int terminated = 0;
        for (int i = 0; i < ids.size(); i++) {
            String status = flow.status(tenant, ids.get(i));
            assertTrue(Set.of("EXPIRED", "TERMINATED").contains(status), status);
            int answer = (Integer) results.get(i + 1);
            assertEquals(status.equals("TERMINATED") ? 200 : 412, answer, "the terminate won exactly when it says so");
            terminated += status.equals("TERMINATED") ? 1 : 0;
        }
        assertEquals(0, flow.api().activeContracts(tenant, partner), terminated + " terminated, the rest expired, each counted off once");
    }

    @Test
    void aMessageForAMissingContractOrAnUnreadableOneFailsAloneAndTheRestExpire() {
        Flow flow = Flow.create("failures", 100);
        String partner = flow.api().partner("t-expiry");
        String id = flow.api().activeContract("t-expiry", partner, TODAY.minusDays(1));

        JsonNode response = invoke(flow.worker(), recorded("expiry-queue.json").replace("con_example", id));

        assertEquals(List.of("6e2d3c4b-1a0f-4e9d-b8c7-2b3c4d5e6f70", "7f3e4d5c-2b1a-4f0e-c9d8-3c4d5e6f7081"), failedItems(response));
        assertEquals("EXPIRED", flow.status("t-expiry", id));
        assertEquals(0, flow.api().activeContracts("t-expiry", partner));
    }
}
