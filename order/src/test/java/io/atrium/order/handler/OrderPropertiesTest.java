package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.OPENAPI;
import static io.atrium.order.handler.OrderFixture.orderBody;
import static io.atrium.order.handler.OrderFixture.placing;
import static io.atrium.order.handler.OrderFixture.withOrderId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withNewRequestId;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.domain.Money;
import io.atrium.shared.testing.Answers;
import io.atrium.shared.testing.JsonBodies;
import io.atrium.shared.testing.RequestInputs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every order route under arbitrary input, against real tables, and the order arithmetic: whatever the catalog's
 * prices and the quantities, an order's lines and total stay within 15 integer digits (201) or the order is refused
 * with 409 and nothing is reserved. Tries: {@code -Djqwik.tries=N}.
 */
class OrderPropertiesTest {
    private static final String TENANT = "t-order-props";
    private static OrderFixture api;
    private static String productId;

    @BeforeContainer
    static void wire() {
        api = new OrderFixture("order-properties");
        productId = api.product(TENANT, "2.50", "EUR", 1_000_000_000);
    }

    private static ProxyResponseEvent answer(ApiHandler handler, ProxyRequestEvent event) {
        ProxyResponseEvent response = OPENAPI.call(handler, event);
        Answers.assertWellBehaved(response);
        return response;
    }

    @Provide
    Arbitrary<String> orderBodies() {
        return JsonBodies.around(orderBody(productId, 1));
    }

    @Property
    void placeAnswersAnyBody(@ForAll("orderBodies") String body) {
        answer(api.place, placing(TENANT, UUID.randomUUID().toString(), body));
    }

    @Property
    void itemRoutesAnswerAnyIdAndIfMatch(@ForAll("ids") String id, @ForAll("ifMatches") String ifMatch) {
        answer(api.get, withOrderId(withNewRequestId(as(event("get-order.json"), TENANT)), id));
        answer(api.cancel, withHeader(withOrderId(withNewRequestId(as(event("cancel-order.json"), TENANT)), id), "If-Match", ifMatch));
    }

    @Property
    void listAnswersAnyQuery(@ForAll("queries") Map<String, String> query) {
        answer(api.list, withQuery(withNewRequestId(as(event("list-orders.json"), TENANT)), query));
    }

    @Provide
    Arbitrary<String> prices() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("999999999999999.99", "500000000000000.00", "0.01", "0.00")),
                Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999999999.99")).ofScale(2)
                        .map(BigDecimal::toPlainString)));
    }

    @Property
    void anOrderTotalStaysWithinFifteenDigitsOrNothingIsReserved(@ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 1_000_000) Integer> quantities,
                                                                 @ForAll("prices") String price) {
        BigDecimal total = BigDecimal.ZERO;
        Object[] lines = new Object[quantities.size() * 2];
        for (int i = 0; i < quantities.size(); i++) {
            lines[2 * i] = api.product(TENANT, price, "EUR", 1_000_000);
            lines[2 * i + 1] = quantities.get(i);
            total = total.add(new BigDecimal(price).multiply(BigDecimal.valueOf(quantities.get(i))));
        }
        ProxyResponseEvent response = answer(api.place, placing(TENANT, UUID.randomUUID().toString(), orderBody(lines)));
        boolean fits = Money.inRange(total);
        assertEquals(fits ? 201 : 409, response.getStatusCode(), response.getBody());
        for (int i = 0; i < quantities.size(); i++) {
            assertEquals(fits ? 1_000_000 - quantities.get(i) : 1_000_000, api.stock(TENANT, (String) lines[2 * i]));
        }
        if (fits) {
            assertEquals(0, total.compareTo(new BigDecimal(json(response).get("total").get("amount").textValue())));
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids("ord_none");
    }

    @Provide
    Arbitrary<String> ifMatches() {
        return RequestInputs.ifMatches();
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return RequestInputs.queries(Map.of("status", RequestInputs.oneOfOr("PENDING", "CONFIRMED", "CANCELLED")));
    }
}
