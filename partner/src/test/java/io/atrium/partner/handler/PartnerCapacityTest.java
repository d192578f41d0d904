package io.atrium.partner.handler;

import static io.atrium.partner.handler.PartnerFixture.withPartnerId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import io.atrium.shared.testing.CapacityLedger;
import io.atrium.shared.testing.CapacityMeter;
import io.atrium.shared.testing.TestTables;
import org.junit.jupiter.api.Test;

/** The DynamoDB request units each partner route consumes (priced in docs/benchmarks/cost.md). */
class PartnerCapacityTest {
    private static final String TENANT = "ten_CapacityPartner";

    @Test
    void eachRouteConsumesTheRequestUnitsItIsPricedAt() {
        CapacityMeter meter = new CapacityMeter();
        PartnerFixture api = new PartnerFixture(TestTables.create("capacity-partner").meteredBy(meter));
        CapacityLedger ledger = new CapacityLedger(meter);

        String id = json(ledger.measure(api.create, as(event("create-partner.json"), TENANT))).get("id").textValue();
        ledger.measure(api.get, withPartnerId(as(event("get-partner.json"), TENANT), id));
        ledger.measure(api.list, as(event("list-partners.json"), TENANT));
        ledger.measure(api.update, withPartnerId(as(event("update-partner.json"), TENANT), id));
        ledger.measure(api.delete, withHeader(withPartnerId(as(event("delete-partner.json"), TENANT), id), "If-Match", "\"2\""));

        ledger.assertConsumed("""
                POST /partners  0.0  3.0
                GET /partners/{partnerId}  1.0  0.0
                GET /partners  0.5  0.0
                PUT /partners/{partnerId}  1.0  4.0
                DELETE /partners/{partnerId}  0.0  3.0
                """);
    }
}
