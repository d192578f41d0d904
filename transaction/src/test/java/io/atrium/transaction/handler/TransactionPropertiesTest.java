package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withPathParameter;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.testing.Answers;
import io.atrium.shared.testing.JsonBodies;
import io.atrium.shared.testing.OpenApiChecks;
import io.atrium.shared.testing.RequestInputs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every transaction route under arbitrary input, against real tables, and the balance arithmetic: whatever charges
 * and refunds arrive, the balance stays within 0..10^15 (15 integer digits), changes by exactly what was accepted
 * (a refused one writes nothing), and every answer is documented. Tries: {@code -Djqwik.tries=N}.
 */
class TransactionPropertiesTest {
    private static final String TENANT = "t-transaction-props";
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static TransactionFixture api;
    private static String contractId;

    @BeforeContainer
    static void wire() {
        api = new TransactionFixture("transaction-properties");
        contractId = api.contract(TENANT, ContractStatus.ACTIVE, "EUR");
    }

    private static ProxyResponseEvent answer(ApiHandler handler, ProxyRequestEvent event) {
        ProxyResponseEvent response = OPENAPI.call(handler, event);
        Answers.assertWellBehaved(response);
        return response;
    }

    @Provide
    Arbitrary<String> transactionBodies() {
        return JsonBodies.around("{\"contractId\":\"" + contractId + "\",\"type\":\"CHARGE\",\"amount\":{\"amount\":\"12.50\","
                + "\"currency\":\"EUR\"},\"reference\":\"INV-2026-001\"}");
    }

    @Property
    void createAnswersAnyBody(@ForAll("transactionBodies") String body) {
        answer(api.create, withHeader(withBody(as(event("create-transaction.json"), TENANT), body), "Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Property
    void getAndListAnswerAnyIdAndQuery(@ForAll("ids") String id, @ForAll("queries") Map<String, String> query) {
        answer(api.get, withTransactionId(as(event("get-transaction.json"), TENANT), id));
        answer(api.list, withQuery(as(event("list-transactions.json"), TENANT), query));
    }

    @Property
    void statementAnswersAnyMonth(@ForAll("months") String month) {
        answer(api.statement, withPathParameter(as(event("get-statement.json"), TENANT), "month", month));
    }

    @Provide
    Arbitrary<String> months() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("2026-11", "2026-01", "1970-01", "9999-12", "2026-13", "2026-00", "2026-1", "26-11",
                        "2026-11-01", "2026/11", "-2026-11", "+2026-11")),
                Tuple.of(1, RequestInputs.ids()),
                Tuple.of(1, JsonBodies.text().filter(s -> !s.isEmpty())));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> movements() {
        Arbitrary<String> amounts = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("999999999999999.99", "999999999999999", "500000000000000.00", "0.01", "1")),
                Tuple.of(3, Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999999999999999.99")).ofScale(2)
                        .map(BigDecimal::toPlainString)));
        return Combinators.combine(Arbitraries.of("CHARGE", "REFUND"), amounts).as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void aBalanceStaysTheSumOfWhatWasAcceptedAndWithinFifteenDigits(@ForAll("movements") List<Tuple.Tuple2<String, String>> movements) {
        // every try goes on with the balance the tries before it left, so the bounds are met from either side
        String contract = contractId;
        BigDecimal expected = api.balance(TENANT, contract);
        for (Tuple.Tuple2<String, String> movement : movements) {
            ProxyResponseEvent response = answer(api.create, TransactionFixture.post(TENANT, contract, movement.get1(),
                    movement.get2(), "EUR", UUID.randomUUID().toString()));
            BigDecimal change = new BigDecimal(movement.get2());
            BigDecimal next = movement.get1().equals("CHARGE") ? expected.add(change) : expected.subtract(change);
            boolean fits = next.signum() >= 0 && Money.inRange(next);
            assertEquals(fits ? 201 : 409, response.getStatusCode(), response.getBody());
            if (fits) {
                expected = next;
                assertEquals(0, change.compareTo(new BigDecimal(json(response).get("amount").get("amount").textValue())));
            }
            BigDecimal balance = api.balance(TENANT, contract);
            assertEquals(0, expected.compareTo(balance), "balance " + balance + ", accepted " + expected);
            assertTrue(balance.signum() >= 0 && Money.inRange(balance));
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids("txn_none");
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return RequestInputs.queries(Map.of("contractId", RequestInputs.ids(contractId)));
    }
}
