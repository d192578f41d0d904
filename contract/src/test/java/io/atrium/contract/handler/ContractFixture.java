package io.atrium.contract.handler;

import static io.atrium.shared.testing.ApiEvents.created;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class ContractFixture {
    final TestTables tables;
    final DynamoDbClient dynamoDb;
    final DynamoDbContractRepository contracts;
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
        this(TestTables.create(prefix));
    }

    ContractFixture(TestTables tables) {
        this.tables = tables;
        dynamoDb = tables.client();
        contractTable = tables.name("ContractTable");
        partnerTable = tables.name("PartnerTable");
        partners = new DynamoDbPartnerRepository(dynamoDb, tables.enhanced(), partnerTable);
        contracts = new DynamoDbContractRepository(dynamoDb, contractTable, partnerTable);
        service = new ContractService(contracts, partners,
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = tables.idempotency();
        create = new CreateContractHandler(service, idempotency);
        get = new GetContractHandler(service);
        list = new ListContractsHandler(service);
        activate = new ActivateContractHandler(service, idempotency);
        terminate = new TerminateContractHandler(service, idempotency);
    }

    /** The event as the tenant's request, under a request id of its own (as API Gateway gives each request). */
    static ProxyRequestEvent as(ProxyRequestEvent event, String tenantId) {
        return ApiEvents.withNewRequestId(ApiEvents.as(event, tenantId));
    }

    /** Points an item event ({@code /contracts/{contractId}...}) at a contract. */
    static ProxyRequestEvent withContractId(ProxyRequestEvent event, String contractId) {
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

    /**
     * An ACTIVE contract of the partner ending on {@code endDate}, stored through the layer (the API would not
     * activate one whose end date has passed, but the schedule must find those that ran out while ACTIVE).
     */
    String activeContract(String tenantId, String partnerId, LocalDate endDate) {
        Instant now = Instant.now();
        Contract draft = contracts.create(new Contract(tenantId, "con_" + UUID.randomUUID().toString().replace("-", ""), partnerId,
                "Support", endDate.minusYears(1), endDate, Money.of("1000", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, now, now));
        return contracts.move(draft, ContractStatus.ACTIVE, now).id();
    }

    /** The contract's stored item, read consistently. */
    Map<String, AttributeValue> stored(String tenantId, String contractId) {
        return dynamoDb.getItem(r -> r.tableName(contractTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenantId + "#CONTRACT#" + contractId)))).item();
    }

    /** Creates a DRAFT contract through the handler and returns its body. */
    JsonNode createContract(String tenantId, String partnerId, String currency) {
        ProxyRequestEvent event = as(event("create-contract.json"), tenantId);
        event.setBody("{\"partnerId\":\"" + partnerId + "\",\"title\":\"Support\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"1000\",\"currency\":\"" + currency + "\"}}");
        return created(create.respond(event, null));
    }

    ProxyResponseEvent activate(String tenantId, String contractId, long version) {
        return activate.respond(withHeader(withContractId(as(event("activate-contract.json"), tenantId), contractId),
                "If-Match", "\"" + version + "\""), null);
    }

    ProxyResponseEvent terminate(String tenantId, String contractId, long version) {
        return terminate.respond(withHeader(withContractId(as(event("terminate-contract.json"), tenantId), contractId),
                "If-Match", "\"" + version + "\""), null);
    }
}
