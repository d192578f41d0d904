package io.atrium.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.order.service.OrderService;
import io.atrium.order.service.RecordingOrderEvents;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbOrderRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events; the
 * catalog's products are written through the shared product repository. {@link #call} checks every
 * answer against the module's openapi.json.
 */
final class OrderFixture {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(OrderFixture.class.getClassLoader(), "openapi.json");
    private static final AtomicInteger SKUS = new AtomicInteger();

    final DynamoDbClient dynamoDb;
    final String orderTable;
    final String productTable;
    final DynamoDbProductRepository products;
    final RecordingOrderEvents events = new RecordingOrderEvents();
    final OrderService service;
    final PlaceOrderHandler place;
    final GetOrderHandler get;
    final ListOrdersHandler list;
    final CancelOrderHandler cancel;

    OrderFixture(String prefix) {
        dynamoDb = DynamoDbLocal.shared().client();
        Map<String, String> tables = TableProvisioner.createTables(dynamoDb, ProjectLayout.root().resolve("shared/template.yaml"), prefix);
        orderTable = tables.get("OrderTable");
        productTable = tables.get("ProductTable");
        products = new DynamoDbProductRepository(dynamoDb, AwsClients.enhanced(dynamoDb), productTable);
        service = new OrderService(products,
                new DynamoDbOrderRepository(dynamoDb, AwsClients.enhanced(dynamoDb), orderTable, productTable),
                events, new Paginator(new PageTokens("test-pagination-secret-0123456789")), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, tables.get("IdempotencyTable")), Clock.systemUTC());
        place = new PlaceOrderHandler(service, idempotency);
        get = new GetOrderHandler(service);
        list = new ListOrdersHandler(service);
        cancel = new CancelOrderHandler(service);
    }

    /** Runs the handler as Lambda would and checks the answer against openapi.json. */
    static APIGatewayProxyResponseEvent call(ApiHandler handler, APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        CONTRACT.assertResponse(event.getHttpMethod(), event.getResource(), response.getStatusCode(),
                headers.get("Content-Type"), response.getBody());
        assertDeclaredHeaders(event, response.getStatusCode(), headers);
        return response;
    }

    /** Headers the document marks required for this answer (ETag, Location, X-Request-Id) must be there. */
    private static void assertDeclaredHeaders(APIGatewayProxyRequestEvent event, int status, Map<String, String> headers) {
        JsonNode document = CONTRACT.document();
        JsonNode response = resolve(document, document.path("paths").path(event.getResource())
                .path(event.getHttpMethod().toLowerCase()).path("responses").path(Integer.toString(status)));
        Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> header = declared.next();
            JsonNode spec = resolve(document, header.getValue());
            String value = headers.get(header.getKey());
            if (spec.path("required").asBoolean(false) && value == null) {
                throw new AssertionError(event.getHttpMethod() + " " + event.getResource() + " " + status
                        + " lacks the declared header " + header.getKey());
            }
            String pattern = spec.path("schema").path("pattern").asText(null);
            if (value != null && pattern != null && !value.matches(pattern)) {
                throw new AssertionError("header " + header.getKey() + " = " + value + " does not match " + pattern);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").textValue().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** A recorded event from src/test/resources/events, as the Lambda runtime would deserialise it. */
    static APIGatewayProxyRequestEvent event(String name) {
        try (InputStream in = OrderFixture.class.getResourceAsStream("/events/" + name)) {
            return EVENTS.readValue(in, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayProxyRequestEvent as(APIGatewayProxyRequestEvent event, String tenantId) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("tenantId", tenantId);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    static APIGatewayProxyRequestEvent withScopes(APIGatewayProxyRequestEvent event, String scopes) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("scopes", scopes);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    static APIGatewayProxyRequestEvent withBody(APIGatewayProxyRequestEvent event, String body) {
        event.setBody(body);
        return event;
    }

    static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        Map<String, List<String>> multi = new LinkedHashMap<>(event.getMultiValueHeaders());
        if (value == null) {
            headers.remove(name);
            multi.remove(name);
        } else {
            headers.put(name, value);
            multi.put(name, List.of(value));
        }
        event.setHeaders(headers);
        event.setMultiValueHeaders(multi);
        return event;
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return EVENTS.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayProxyRequestEvent withOrderId(APIGatewayProxyRequestEvent event, String orderId) {
        event.setPathParameters(Map.of("orderId", orderId));
        event.setPath(event.getResource().replace("{orderId}", orderId));
        return event;
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
    static APIGatewayProxyRequestEvent placing(String tenantId, String key, String body) {
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
