package io.atrium.contract.handler;

import static io.atrium.shared.testing.ApiEvents.created;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The contract handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class ContractFixture {
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
        TestTables tables = TestTables.create(prefix);
        dynamoDb = tables.client();
        contractTable = tables.name("ContractTable");
        partnerTable = tables.name("PartnerTable");
        partners = new DynamoDbPartnerRepository(dynamoDb, tables.enhanced(), partnerTable);
        service = new ContractService(new DynamoDbContractRepository(dynamoDb, contractTable, partnerTable), partners,
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = tables.idempotency();
        create = new CreateContractHandler(service, idempotency);
        get = new GetContractHandler(service);
        list = new ListContractsHandler(service);
        activate = new ActivateContractHandler(service, idempotency);
        terminate = new TerminateContractHandler(service, idempotency);
    }

    /** The event as the tenant's request, under a request id of its own (as API Gateway gives each request). */
    static APIGatewayProxyRequestEvent as(APIGatewayProxyRequestEvent event, String tenantId) {
        return ApiEvents.withNewRequestId(ApiEvents.as(event, tenantId));
    }

    /** Points an item event ({@code /contracts/{contractId}...}) at a contract. */
    static APIGatewayProxyRequestEvent withContractId(APIGatewayProxyRequestEvent event, String contractId) {
        return ApiEvents.withPathParameter(event, "contractId", contractId);
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
        return created(create.handleRequest(event, null));
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
