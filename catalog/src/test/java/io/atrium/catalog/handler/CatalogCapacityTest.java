package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.withProductId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;

import io.atrium.shared.testing.CapacityLedger;
import io.atrium.shared.testing.CapacityMeter;
import io.atrium.shared.testing.TestTables;
import org.junit.jupiter.api.Test;

/** The DynamoDB request units each catalog route consumes (priced in docs/benchmarks/cost.md). */
class CatalogCapacityTest {
    private static final String TENANT = "ten_CapacityCatalog";

    @Test
    void eachRouteConsumesTheRequestUnitsItIsPricedAt() {
        CapacityMeter meter = new CapacityMeter();
        CatalogFixture api = new CatalogFixture(TestTables.create("capacity-catalog").meteredBy(meter));
        CapacityLedger ledger = new CapacityLedger(meter);

        String id = json(ledger.measure(api.create, as(event("create-product.json"), TENANT))).get("id").textValue();
        ledger.measure(api.get, withProductId(as(event("get-product.json"), TENANT), id));
        ledger.measure(api.list, as(event("list-products.json"), TENANT));
        ledger.measure(api.update, withProductId(as(event("update-product.json"), TENANT), id));

        ledger.assertConsumed("""
                POST /products  0.0  8.0
                GET /products/{productId}  1.0  0.0
                GET /products  0.5  0.0
                PUT /products/{productId}  1.0  2.0
                """);
    }
}
