package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.OPENAPI;
import static io.atrium.catalog.handler.CatalogFixture.withProductId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withNewRequestId;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.testing.Answers;
import io.atrium.shared.testing.JsonBodies;
import io.atrium.shared.testing.RequestInputs;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every catalog route under arbitrary input, against real tables: every answer is a 2xx or a 4xx problem naming
 * the field, documented in openapi.json (so every price shown fits the Money schema), and leaks nothing.
 * Tries: {@code -Djqwik.tries=N}.
 */
class CatalogPropertiesTest {
    private static final String TENANT = "t-catalog-props";
    private static final AtomicInteger SKUS = new AtomicInteger();
    private static CatalogFixture api;
    private static String productId;

    @BeforeContainer
    static void wire() {
        api = new CatalogFixture("catalog-properties");
        productId = api.createProduct(TENANT, "TARGET", 10).get("id").textValue();
    }

    private static ProxyRequestEvent request(String eventName) {
        return withNewRequestId(as(event(eventName), TENANT));
    }

    private static ProxyResponseEvent answer(ApiHandler handler, ProxyRequestEvent event) {
        ProxyResponseEvent response = OPENAPI.call(handler, event);
        Answers.assertWellBehaved(response);
        return response;
    }

    /** A valid body with a sku of its own, so a body that passes is created rather than refused as a duplicate. */
    @Provide
    Arbitrary<String> productBodies() {
        return JsonBodies.around(CatalogFixture.productBody("SKU-" + SKUS.incrementAndGet(), "Mug", "12.50", "EUR", 10));
    }

    @Property
    void createAnswersAnyBody(@ForAll("productBodies") String body) {
        ProxyResponseEvent response = answer(api.create,
                withHeader(withBody(request("create-product.json"), body), "Idempotency-Key", UUID.randomUUID().toString()));
        if (response.getStatusCode() == 201) {
            String amount = json(response).get("price").get("amount").textValue();
            assertTrue(new BigDecimal(amount).signum() >= 0, amount);
        }
    }

    @Property
    void updateAnswersAnyBody(@ForAll("productBodies") String body) {
        String etag = api.get.respond(withProductId(request("get-product.json"), productId), null).getHeaders().get("ETag");
        answer(api.update, withHeader(withBody(withProductId(request("update-product.json"), productId), body), "If-Match", etag));
    }

    @Property
    void itemRoutesAnswerAnyIdAndIfMatch(@ForAll("ids") String id, @ForAll("ifMatches") String ifMatch) {
        answer(api.get, withProductId(request("get-product.json"), id));
        answer(api.update, withHeader(withBody(withProductId(request("update-product.json"), id),
                CatalogFixture.productBody("OTHER", "Other", "1.00", "EUR", 1)), "If-Match", ifMatch));
    }

    @Property
    void listAnswersAnyQuery(@ForAll("queries") Map<String, String> query) {
        answer(api.list, withQuery(request("list-products.json"), query));
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids(productId);
    }

    @Provide
    Arbitrary<String> ifMatches() {
        return RequestInputs.ifMatches();
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return RequestInputs.queries(Map.of());
    }
}
