package io.atrium.contract.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.contract.service.ContractService;
import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The contract handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class ContractFixture {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    final DynamoDbClient dynamoDb;
    final String contractTable;
    final String partnerTable;
    final DynamoDbPartnerRepository partners;
    final ContractService service;
    final CreateContractHandler create;
    final GetContractHandler get;
    final ListContractsHandler list;
    final ActivateContractHandler activate;
    final TerminateContractHandler terminate;

    ContractFixture(String prefix) {
        dynamoDb = DynamoDbLocal.shared().client();
        Map<String, String> tables = TableProvisioner.createTables(dynamoDb, ProjectLayout.root().resolve("shared/template.yaml"), prefix);
        contractTable = tables.get("ContractTable");
        partnerTable = tables.get("PartnerTable");
        partners = new DynamoDbPartnerRepository(dynamoDb, AwsClients.enhanced(dynamoDb), partnerTable);
        service = new ContractService(new DynamoDbContractRepository(dynamoDb, contractTable, partnerTable), partners,
                new Paginator(new PageTokens("test-pagination-secret-0123456789")), new OwnedIds("test-pagination-secret-0123456789"),
                Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, tables.get("IdempotencyTable")), Clock.systemUTC());
        create = new CreateContractHandler(service, idempotency);
        get = new GetContractHandler(service);
        list = new ListContractsHandler(service);
        activate = new ActivateContractHandler(service, idempotency);
        terminate = new TerminateContractHandler(service, idempotency);
    }

    /** A recorded event from src/test/resources/events, as the Lambda runtime would deserialise it. */
    static APIGatewayProxyRequestEvent event(String name) {
        try (InputStream in = ContractFixture.class.getResourceAsStream("/events/" + name)) {
            return EVENTS.readValue(in, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayProxyRequestEvent as(APIGatewayProxyRequestEvent event, String tenantId) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("tenantId", tenantId);
        event.getRequestContext().setAuthorizer(authorizer);
        // each request is its own request to API Gateway
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    /** Points an item event ({@code /contracts/{contractId}...}) at a contract. */
    static APIGatewayProxyRequestEvent withContractId(APIGatewayProxyRequestEvent event, String contractId) {
        event.setPathParameters(Map.of("contractId", contractId));
        event.setPath(event.getPath().replace("con_example", contractId));
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

    static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent event, Map<String, String> query) {
        event.setQueryStringParameters(query);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        event.setMultiValueQueryStringParameters(multi);
        return event;
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return EVENTS.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A partner of the tenant, stored directly (the partner stack owns its API). */
    String partner(String tenantId) {
        String id = "par_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        partners.create(new Partner(tenantId, id, "Partner", "ops@example.test", "NL", null, PartnerStatus.ACTIVE, 0, 1, now, now));
        return id;
    }

    long activeContracts(String tenantId, String partnerId) {
        return partners.find(tenantId, partnerId).orElseThrow().activeContracts();
    }

    /** Creates a DRAFT contract through the handler and returns its body. */
    JsonNode createContract(String tenantId, String partnerId, String currency) {
        APIGatewayProxyRequestEvent event = as(event("create-contract.json"), tenantId);
        event.setBody("{\"partnerId\":\"" + partnerId + "\",\"title\":\"Support\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"1000\",\"currency\":\"" + currency + "\"}}");
        APIGatewayProxyResponseEvent response = create.handleRequest(event, null);
        if (response.getStatusCode() != 201) {
            throw new AssertionError("create failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response);
    }

    APIGatewayProxyResponseEvent activate(String tenantId, String contractId, long version) {
        return activate.handleRequest(withHeader(withContractId(as(event("activate-contract.json"), tenantId), contractId),
                "If-Match", "\"" + version + "\""), null);
    }

    APIGatewayProxyResponseEvent terminate(String tenantId, String contractId, long version) {
        return terminate.handleRequest(withHeader(withContractId(as(event("terminate-contract.json"), tenantId), contractId),
                "If-Match", "\"" + version + "\""), null);
    }
}
