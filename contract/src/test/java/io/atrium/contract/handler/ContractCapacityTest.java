package io.atrium.contract.handler;

import static io.atrium.contract.handler.ContractFixture.as;
import static io.atrium.contract.handler.ContractFixture.withContractId;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withQuery;

import io.atrium.shared.testing.CapacityLedger;
import io.atrium.shared.testing.CapacityMeter;
import io.atrium.shared.testing.TestTables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DynamoDB request units each contract route consumes (priced in docs/benchmarks/cost.md). */
class ContractCapacityTest {
    private static final String TENANT = "ten_CapacityContract";

    @Test
    void eachRouteConsumesTheRequestUnitsItIsPricedAt() {
        CapacityMeter meter = new CapacityMeter();
        ContractFixture api = new ContractFixture(TestTables.create("capacity-contract").meteredBy(meter));
        String partner = api.partner(TENANT);
        CapacityLedger ledger = new CapacityLedger(meter);

        var create = as(event("create-contract.json"), TENANT);
        create.setBody("{\"partnerId\":\"" + partner + "\",\"title\":\"Support\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"1000\",\"currency\":\"EUR\"}}");
        String id = json(ledger.measure(api.create, create)).get("id").textValue();
        ledger.measure(api.get, withContractId(as(event("get-contract.json"), TENANT), id));
        ledger.measure(api.list, withQuery(as(event("list-contracts.json"), TENANT), Map.of("partnerId", partner)));
        ledger.measure(api.activate, withHeader(withContractId(as(event("activate-contract.json"), TENANT), id), "If-Match", "\"1\""));
        ledger.measure(api.terminate, withHeader(withContractId(as(event("terminate-contract.json"), TENANT), id), "If-Match", "\"2\""));

        ledger.assertConsumed("""
                POST /contracts  0.0  10.0
                GET /contracts/{contractId}  1.0  0.0
                GET /contracts  1.5  0.0
                POST /contracts/{contractId}/activate  1.0  18.0
                POST /contracts/{contractId}/terminate  1.0  18.0
                """);
    }
}
