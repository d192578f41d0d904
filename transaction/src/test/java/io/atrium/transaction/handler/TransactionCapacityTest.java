package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;

import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.testing.CapacityLedger;
import io.atrium.shared.testing.CapacityMeter;
import io.atrium.shared.testing.TestTables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DynamoDB request units each transaction route consumes (priced in docs/benchmarks/cost.md). */
class TransactionCapacityTest {
    private static final String TENANT = "ten_CapacityTransaction";

    @Test
    void eachRouteConsumesTheRequestUnitsItIsPricedAt() {
        CapacityMeter meter = new CapacityMeter();
        TransactionFixture api = new TransactionFixture(TestTables.create("capacity-transaction").meteredBy(meter), null);
        String contract = api.contract(TENANT, ContractStatus.ACTIVE, "EUR");
        CapacityLedger ledger = new CapacityLedger(meter);

        String id = json(ledger.measure(api.create, post(TENANT, contract, "CHARGE", "250.00", "EUR", "capacity-1"))).get("id").textValue();
        ledger.measure(api.get, withTransactionId(as(event("get-transaction.json"), TENANT), id));
        ledger.measure(api.list, withQuery(as(event("list-transactions.json"), TENANT), Map.of("contractId", contract)));
        ledger.measure(api.statement, as(event("get-statement.json"), TENANT));

        ledger.assertConsumed("""
                POST /transactions  1.0  16.0
                GET /transactions/{transactionId}  1.0  0.0
                GET /transactions  1.5  0.0
                GET /statements/{month}  1.0  0.0
                """);
    }
}
