package io.atrium.order.handler;

import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.order.service.OrderService;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.repository.dynamodb.DynamoDbOrderRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.OpenApiChecks;
import io.atrium.shared.testing.TestTables;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events; the
 * catalog's products are written through the shared product repository. Tests run the handlers through
 * {@link #OPENAPI}, which checks every answer against the module's openapi.json.
 */
final class OrderFixture {
    static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static final AtomicInteger SKUS = new AtomicInteger();

    final TestTables tables;
    final DynamoDbClient dynamoDb;
    final String orderTable;
    final String productTable;
    final DynamoDbProductRepository products;
    final OrderService service;
    final PlaceOrderHandler place;
    final GetOrderHandler get;
    final ListOrdersHandler list;
    final CancelOrderHandler cancel;

    OrderFixture(String prefix) {
        this(TestTables.create(prefix));
    }

    OrderFixture(TestTables tables) {
        this.tables = tables;
        dynamoDb = tables.client();
        orderTable = tables.name("OrderTable");
        productTable = tables.name("ProductTable");
        products = new DynamoDbProductRepository(dynamoDb, tables.enhanced(), productTable);
        service = new OrderService(products, new DynamoDbOrderRepository(dynamoDb, tables.enhanced(), orderTable, productTable),
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = tables.idempotency();
        place = new PlaceOrderHandler(service, idempotency);
        get = new GetOrderHandler(service);
        list = new ListOrdersHandler(service);
        cancel = new CancelOrderHandler(service);
    }

    static ProxyRequestEvent withOrderId(ProxyRequestEvent event, String orderId) {
        return ApiEvents.withPathParameter(event, "orderId", orderId);
    }

    /** {"items": [{"productId": id, "quantity": q}, ...]} from id, quantity pairs. */
    static String orderBody(Object... idQuantityPairs) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < idQuantityPairs.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(idQuantityPairs[i])
                    .append("\",\"quantity\":").append(idQuantityPairs[i + 1]).append("}");
        }
        return body.append("]}").toString();
    }

    /** A POST /orders event of the tenant with this body and Idempotency-Key. */
    static ProxyRequestEvent placing(String tenantId, String key, String body) {
        return withBody(withHeader(as(event("place-order.json"), tenantId), "Idempotency-Key", key), body);
    }

    /** Puts a product straight into the catalog's table and returns its id. */
    String product(String tenantId, String amount, String currency, long stock) {
        String id = "prd_" + tenantId.replaceAll("[^A-Za-z0-9]", "") + "_" + SKUS.incrementAndGet();
        Instant now = Instant.now();
        products.create(new Product(tenantId, id, "SKU-" + id, "Product " + id, Money.of(amount, currency), stock, 1, now, now));
        return id;
    }

    long stock(String tenantId, String productId) {
        return products.find(tenantId, productId).orElseThrow().stock();
    }

    /** How many orders the tenant has, read from the table's byTenant index. */
    int storedOrders(String tenantId) {
        return dynamoDb.query(r -> r.tableName(orderTable).indexName("byTenant")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#" + tenantId + "#ORDERS")))).count();
    }
}
