package io.atrium.partner.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The partner handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class PartnerFixture {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    static final ObjectMapper EVENTS = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    final DynamoDbClient dynamoDb;
    final String partnerTable;
    final PartnerService service;
    final CreatePartnerHandler create;
    final GetPartnerHandler get;
    final ListPartnersHandler list;
    final UpdatePartnerHandler update;
    final DeletePartnerHandler delete;

    PartnerFixture(String prefix) {
        dynamoDb = DynamoDbLocal.shared().client();
        Map<String, String> tables = TableProvisioner.createTables(dynamoDb, ProjectLayout.root().resolve("shared/template.yaml"), prefix);
        partnerTable = tables.get("PartnerTable");
        service = new PartnerService(new DynamoDbPartnerRepository(dynamoDb, AwsClients.enhanced(dynamoDb), partnerTable),
                new Paginator(new PageTokens("test-pagination-secret-0123456789")), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, tables.get("IdempotencyTable")), Clock.systemUTC());
        create = new CreatePartnerHandler(service, idempotency);
        get = new GetPartnerHandler(service);
        list = new ListPartnersHandler(service);
        update = new UpdatePartnerHandler(service);
        delete = new DeletePartnerHandler(service);
    }

    /** A recorded event from src/test/resources/events, as the Lambda runtime would deserialise it. */
    static APIGatewayProxyRequestEvent event(String name) {
        try (InputStream in = PartnerFixture.class.getResourceAsStream("/events/" + name)) {
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

    static APIGatewayProxyRequestEvent withPartnerId(APIGatewayProxyRequestEvent event, String partnerId) {
        event.setPathParameters(Map.of("partnerId", partnerId));
        event.setPath("/partners/" + partnerId);
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

    /** Creates a partner for a tenant through the handler and returns its id. */
    String createPartner(String tenantId, String name) {
        APIGatewayProxyRequestEvent event = as(event("create-partner.json"), tenantId);
        event.setBody("{\"name\":\"" + name + "\",\"email\":\"ops@example.com\",\"country\":\"NL\"}");
        APIGatewayProxyResponseEvent response = create.handleRequest(event, null);
        if (response.getStatusCode() != 201) {
            throw new AssertionError("create failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response).get("id").textValue();
    }
}
