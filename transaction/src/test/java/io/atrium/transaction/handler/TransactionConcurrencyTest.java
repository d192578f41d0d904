package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.testing.Concurrently;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many callers at once, through the real handlers and the real database (DynamoDB Local). */
class TransactionConcurrencyTest {
    private static TransactionFixture api;
    private static Concurrently callers;

    @BeforeAll
    static void wire() {
        api = new TransactionFixture("transaction-concurrency");
        callers = new Concurrently(100);
    }

    @AfterAll
    static void stop() {
        callers.close();
    }

    private record Answer(int status, String body, String etag, String location) {
        static Answer of(ProxyResponseEvent response) {
            return new Answer(response.getStatusCode(), response.getBody(), response.getHeaders().get("ETag"), response.getHeaders().get("Location"));
        }

        boolean inProgress() {
            return status == 409 && body.contains("idempotency-in-progress");
        }
    }

    @Test
    void aHundredRepeatsOfOnePostStoreOneRecordAndGetIdenticalAnswers() throws Exception {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        List<Callable<Answer>> repeats = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            repeats.add(() -> Answer.of(api.create.respond(post(tenant, contractId, "CHARGE", "42.50", "EUR", "same-key"), null)));
        }
        List<Answer> answers = callers.run(repeats);

        List<Answer> finished = answers.stream().filter(a -> !a.inProgress()).toList();
        long waitedOn = answers.size() - finished.size();
        assertTrue(!finished.isEmpty());
        Answer first = finished.get(0);
        assertEquals(201, first.status(), first.body());
        for (Answer answer : finished) {
            assertEquals(first, answer, "every finished answer is the first one, byte for byte");
        }
        // a client told "still running" (409) repeats later and gets the same answer as everyone else
        for (int i = 0; i < waitedOn; i++) {
            assertEquals(first, Answer.of(api.create.respond(post(tenant, contractId, "CHARGE", "42.50", "EUR", "same-key"), null)));
        }
        assertEquals(1, api.stored(tenant, contractId).size(), "one stored record");
        assertEquals(new BigDecimal("42.50"), api.balance(tenant, contractId), "money moved once");
        System.out.println("concurrency: " + finished.size() + " replayed answers, " + waitedOn + " told the first was still running");
    }

    @Test
    void concurrentRefundsNeverTakeTheBalanceBelowZero() throws Exception {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        assertEquals(201, api.create.respond(post(tenant, contractId, "CHARGE", "100.00", "EUR", "seed"), null).getStatusCode());

        List<Callable<Integer>> refunds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "refund-" + i;
            refunds.add(() -> api.create.respond(post(tenant, contractId, "REFUND", "7.00", "EUR", key), null).getStatusCode());
        }
        List<Integer> statuses = callers.run(refunds);

        assertEquals(14, statuses.stream().filter(s -> s == 201).count(), "100.00 holds exactly 14 refunds of 7.00: " + statuses);
        assertEquals(36, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(new BigDecimal("2.00"), api.balance(tenant, contractId));
        assertEquals(15, api.stored(tenant, contractId).size(), "the charge and exactly the refunds that were answered 201");
    }

    @Test
    void interleavedChargesAndRefundsKeepTheBalanceEqualToTheRecords() throws Exception {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "USD");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = "mix-" + i;
            boolean charge = i % 3 == 0;
            calls.add(() -> {
                ProxyResponseEvent response = api.create.respond(
                        post(tenant, contractId, charge ? "CHARGE" : "REFUND", charge ? "5.00" : "3.00", "USD", key), null);
                return (charge ? "C" : "R") + response.getStatusCode();
            });
        }
        List<String> outcomes = callers.run(calls);

        long charges = outcomes.stream().filter("C201"::equals).count();
        long refunds = outcomes.stream().filter("R201"::equals).count();
        assertEquals(10, charges, "charges never conflict: " + outcomes);
        assertTrue(outcomes.stream().allMatch(o -> o.endsWith("201") || o.equals("R409")), outcomes.toString());
        BigDecimal expected = new BigDecimal("5.00").multiply(BigDecimal.valueOf(charges))
                .subtract(new BigDecimal("3.00").multiply(BigDecimal.valueOf(refunds)));
        assertTrue(expected.signum() >= 0);
        assertEquals(expected, api.balance(tenant, contractId));
        assertEquals(charges + refunds, api.stored(tenant, contractId).size());
        json(api.list.respond(withQuery(as(event("list-transactions.json"), tenant),
                Map.of("contractId", contractId, "limit", "100")), null)).get("items")
                .forEach(item -> assertTrue(item.get("amount").get("amount").isTextual()));
    }
}
