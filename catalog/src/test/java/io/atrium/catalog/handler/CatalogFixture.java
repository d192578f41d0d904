package io.atrium.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.catalog.service.ProductService;
import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalog handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events.
 * {@link #call} checks every answer against the module's openapi.json, so no test can pass on an answer
 * the published description does not allow.
 */
final class CatalogFixture {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(CatalogFixture.class.getClassLoader(), "openapi.json");

    final DynamoDbClient dynamoDb;
    final String productTable;
    final String idempotencyTable;
    final ProductService service;
    final CreateProductHandler create;
    final GetProductHandler get;
    final ListProductsHandler list;
    final UpdateProductHandler update;

    CatalogFixture(String prefix) {
        dynamoDb = DynamoDbLocal.shared().client();
        Map<String, String> tables = TableProvisioner.createTables(dynamoDb, ProjectLayout.root().resolve("shared/template.yaml"), prefix);
        productTable = tables.get("ProductTable");
        idempotencyTable = tables.get("IdempotencyTable");
        service = new ProductService(new DynamoDbProductRepository(dynamoDb, AwsClients.enhanced(dynamoDb), productTable),
                new Paginator(new PageTokens("test-pagination-secret-0123456789")), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, idempotencyTable), Clock.systemUTC());
        create = new CreateProductHandler(service, idempotency);
        get = new GetProductHandler(service);
        list = new ListProductsHandler(service);
        update = new UpdateProductHandler(service);
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
        try (InputStream in = CatalogFixture.class.getResourceAsStream("/events/" + name)) {
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

    static APIGatewayProxyRequestEvent withProductId(APIGatewayProxyRequestEvent event, String productId) {
        event.setPathParameters(Map.of("productId", productId));
        event.setPath("/products/" + productId);
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

    static String productBody(String sku, String name, String amount, String currency, long stock) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"price\":{\"amount\":\"" + amount + "\",\"currency\":\""
                + currency + "\"},\"stock\":" + stock + "}";
    }

    /** Creates a product for a tenant through the handler (no Idempotency-Key) and returns the answer's body. */
    JsonNode createProduct(String tenantId, String sku, long stock) {
        APIGatewayProxyRequestEvent event = withHeader(as(event("create-product.json"), tenantId), "Idempotency-Key", null);
        event.setBody(productBody(sku, "Product " + sku, "12.50", "EUR", stock));
        APIGatewayProxyResponseEvent response = call(create, event);
        if (response.getStatusCode() != 201) {
            throw new AssertionError("create failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response);
    }

    /** The stored item with this key, read consistently. */
    Map<String, AttributeValue> stored(String pk) {
        return dynamoDb.getItem(r -> r.tableName(productTable).key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
    }
}
