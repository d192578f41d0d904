package io.atrium.catalog.handler;

import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.created;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import io.atrium.shared.api.ProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.catalog.service.ProductService;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.OpenApiChecks;
import io.atrium.shared.testing.TestTables;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalog handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events.
 * Tests run them through {@link #OPENAPI}, which checks every answer against the module's openapi.json, so
 * no test can pass on an answer the published description does not allow.
 */
final class CatalogFixture {
    static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();

    final DynamoDbClient dynamoDb;
    final String productTable;
    final String idempotencyTable;
    final ProductService service;
    final CreateProductHandler create;
    final GetProductHandler get;
    final ListProductsHandler list;
    final UpdateProductHandler update;

    CatalogFixture(String prefix) {
        this(TestTables.create(prefix));
    }

    CatalogFixture(TestTables tables) {
        dynamoDb = tables.client();
        productTable = tables.name("ProductTable");
        idempotencyTable = tables.name("IdempotencyTable");
        service = new ProductService(new DynamoDbProductRepository(dynamoDb, tables.enhanced(), productTable),
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = tables.idempotency();
        create = new CreateProductHandler(service, idempotency);
        get = new GetProductHandler(service);
        list = new ListProductsHandler(service);
        update = new UpdateProductHandler(service);
    }

    static ProxyRequestEvent withProductId(ProxyRequestEvent event, String productId) {
        return ApiEvents.withPathParameter(event, "productId", productId);
    }

    static String productBody(String sku, String name, String amount, String currency, long stock) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"price\":{\"amount\":\"" + amount + "\",\"currency\":\""
                + currency + "\"},\"stock\":" + stock + "}";
    }

    /** Creates a product for a tenant through the handler (no Idempotency-Key) and returns the answer's body. */
    JsonNode createProduct(String tenantId, String sku, long stock) {
        ProxyRequestEvent event = withHeader(as(event("create-product.json"), tenantId), "Idempotency-Key", null);
        event.setBody(productBody(sku, "Product " + sku, "12.50", "EUR", stock));
        return created(OPENAPI.call(create, event));
    }

    /** The stored item with this key, read consistently. */
    Map<String, AttributeValue> stored(String pk) {
        return dynamoDb.getItem(r -> r.tableName(productTable).key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
    }
}
