package io.atrium.transaction.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbTransactionRepository;
import io.atrium.transaction.service.TransactionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The transaction handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class TransactionFixture {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SECRET = "test-pagination-secret-0123456789";

    final DynamoDbClient dynamoDb;
    final String transactionTable;
    final DynamoDbContractRepository contracts;
    final DynamoDbPartnerRepository partners;
    final TransactionService service;
    final CreateTransactionHandler create;
    final GetTransactionHandler get;
    final ListTransactionsHandler list;

    TransactionFixture(String prefix) {
        dynamoDb = DynamoDbLocal.shared().client();
        Map<String, String> tables = TableProvisioner.createTables(dynamoDb, ProjectLayout.root().resolve("shared/template.yaml"), prefix);
        transactionTable = tables.get("TransactionTable");
        contracts = new DynamoDbContractRepository(dynamoDb, tables.get("ContractTable"), tables.get("PartnerTable"));
        partners = new DynamoDbPartnerRepository(dynamoDb, AwsClients.enhanced(dynamoDb), tables.get("PartnerTable"));
        service = new TransactionService(new DynamoDbTransactionRepository(dynamoDb, transactionTable, tables.get("ContractTable")),
                DynamoDbContractRepository.reader(dynamoDb, tables.get("ContractTable")),
                new Paginator(new PageTokens(SECRET)), new OwnedIds(SECRET), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, tables.get("IdempotencyTable")), Clock.systemUTC());
        create = new CreateTransactionHandler(service, idempotency);
        get = new GetTransactionHandler(service);
        list = new ListTransactionsHandler(service);
    }

    /** A recorded event from src/test/resources/events, as the Lambda runtime would deserialise it. */
    static APIGatewayProxyRequestEvent event(String name) {
        try (InputStream in = TransactionFixture.class.getResourceAsStream("/events/" + name)) {
            return EVENTS.readValue(in, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayProxyRequestEvent as(APIGatewayProxyRequestEvent event, String tenantId) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("tenantId", tenantId);
        event.getRequestContext().setAuthorizer(authorizer);
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
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

    static APIGatewayProxyRequestEvent withTransactionId(APIGatewayProxyRequestEvent event, String transactionId) {
        event.setPathParameters(Map.of("transactionId", transactionId));
        event.setPath("/transactions/" + transactionId);
        return event;
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return EVENTS.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A contract of a new partner of the tenant in {@code status} (DRAFT, ACTIVE or TERMINATED), stored through the layer. */
    String contract(String tenantId, ContractStatus status, String currency) {
        Instant now = Instant.now();
        String partnerId = "par_" + UUID.randomUUID().toString().replace("-", "");
        partners.create(new Partner(tenantId, partnerId, "Partner", "ops@example.test", "NL", null, PartnerStatus.ACTIVE, 0, 1, now, now));
        String id = "con_" + UUID.randomUUID().toString().replace("-", "");
        Contract contract = contracts.create(new Contract(tenantId, id, partnerId, "Support", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2099-12-31"), Money.of("1000", currency), Money.zero(currency), ContractStatus.DRAFT, 1, now, now));
        if (status != ContractStatus.DRAFT) {
            contract = contracts.move(contract, ContractStatus.ACTIVE, now);
        }
        if (status == ContractStatus.TERMINATED) {
            contracts.move(contract, ContractStatus.TERMINATED, now);
        }
        return id;
    }

    BigDecimal balance(String tenantId, String contractId) {
        return contracts.find(tenantId, contractId).orElseThrow().balance().amount();
    }

    /** A POST /transactions event for the tenant with this body and key. */
    static APIGatewayProxyRequestEvent post(String tenantId, String contractId, String type, String amount, String currency, String key) {
        APIGatewayProxyRequestEvent event = withHeader(as(event("create-transaction.json"), tenantId), "Idempotency-Key", key);
        event.setBody("{\"contractId\":\"" + contractId + "\",\"type\":\"" + type + "\",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"" + currency + "\"},\"reference\":\"ref-" + key + "\"}");
        return event;
    }
}
