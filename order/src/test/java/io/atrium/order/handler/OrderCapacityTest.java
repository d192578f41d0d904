package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.orderBody;
import static io.atrium.order.handler.OrderFixture.placing;
import static io.atrium.order.handler.OrderFixture.withOrderId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;

import io.atrium.shared.testing.CapacityLedger;
import io.atrium.shared.testing.CapacityMeter;
import io.atrium.shared.testing.TestTables;
import org.junit.jupiter.api.Test;

/** The DynamoDB request units each order route consumes (priced in docs/benchmarks/cost.md). */
class OrderCapacityTest {
    private static final String TENANT = "ten_CapacityOrder";

    @Test
    void eachRouteConsumesTheRequestUnitsItIsPricedAt() {
        CapacityMeter meter = new CapacityMeter();
        OrderFixture api = new OrderFixture(TestTables.create("capacity-order").meteredBy(meter));
        String product = api.product(TENANT, "12.50", "EUR", 100);
        CapacityLedger ledger = new CapacityLedger(meter);

        String id = json(ledger.measure(api.place, placing(TENANT, "capacity-1", orderBody(product, 2)))).get("id").textValue();
        ledger.measure(api.get, withOrderId(as(event("get-order.json"), TENANT), id));
        ledger.measure(api.list, as(event("list-orders.json"), TENANT));
        ledger.measure(api.cancel, withOrderId(as(event("cancel-order.json"), TENANT), id));

        ledger.assertConsumed("""
                POST /orders  1.0  12.0
                GET /orders/{orderId}  1.0  0.0
                GET /orders  0.5  0.0
                POST /orders/{orderId}/cancel  1.0  12.0
                """);
    }
}
