package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withHeader;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbStatementRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbTransactionRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.TestTables;
import io.atrium.transaction.service.StatementLedger;
import io.atrium.transaction.service.StatementService;
import io.atrium.transaction.service.TransactionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The transaction handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class TransactionFixture {
    final DynamoDbClient dynamoDb;
    final String transactionTable;
    final DynamoDbContractRepository contracts;
    final DynamoDbPartnerRepository partners;
    final TransactionService service;
    final CreateTransactionHandler create;
    final GetTransactionHandler get;
    final ListTransactionsHandler list;
    final StatementLedger statements;
    final GetStatementHandler statement;

    TransactionFixture(String prefix) {
        this(prefix, null);
    }

    /**
     * @param functionsClient the DynamoDB client the handlers use (e.g. a {@code FaultyDynamoDb}'s), or null for the
     *                        tables' own; seeding and inspecting always use the tables' own client
     */
    TransactionFixture(String prefix, DynamoDbClient functionsClient) {
        this(TestTables.create(prefix), functionsClient);
    }

    TransactionFixture(TestTables tables, DynamoDbClient functionsClient) {
        dynamoDb = tables.client();
        DynamoDbClient functions = functionsClient == null ? dynamoDb : functionsClient;
        transactionTable = tables.name("TransactionTable");
        contracts = new DynamoDbContractRepository(dynamoDb, tables.name("ContractTable"), tables.name("PartnerTable"));
        partners = new DynamoDbPartnerRepository(dynamoDb, tables.enhanced(), tables.name("PartnerTable"));
        service = new TransactionService(new DynamoDbTransactionRepository(functions, transactionTable, tables.name("ContractTable")),
                DynamoDbContractRepository.reader(functions, tables.name("ContractTable")),
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(functions, tables.name("IdempotencyTable")),
                Clock.systemUTC());
        create = new CreateTransactionHandler(service, idempotency);
        get = new GetTransactionHandler(service);
        list = new ListTransactionsHandler(service);
        statements = new StatementService(new DynamoDbStatementRepository(dynamoDb, tables.name("StatementTable")));
        statement = new GetStatementHandler(statements);
    }

    /** The event as the tenant's request, under a request id of its own (as API Gateway gives each request). */
    static ProxyRequestEvent as(ProxyRequestEvent event, String tenantId) {
        return ApiEvents.withNewRequestId(ApiEvents.as(event, tenantId));
    }

    static ProxyRequestEvent withTransactionId(ProxyRequestEvent event, String transactionId) {
        return ApiEvents.withPathParameter(event, "transactionId", transactionId);
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

    /** The stored transaction records of a contract, read from the table's byParent index. */
    List<Map<String, AttributeValue>> stored(String tenantId, String contractId) {
        return dynamoDb.query(r -> r.tableName(transactionTable).indexName("byParent")
                .keyConditionExpression("gsi3pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#" + tenantId + "#CONTRACT#" + contractId)))).items();
    }

    /** A POST /transactions event for the tenant with this body and key. */
    static ProxyRequestEvent post(String tenantId, String contractId, String type, String amount, String currency, String key) {
        ProxyRequestEvent event = withHeader(as(event("create-transaction.json"), tenantId), "Idempotency-Key", key);
        event.setBody("{\"contractId\":\"" + contractId + "\",\"type\":\"" + type + "\",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"" + currency + "\"},\"reference\":\"ref-" + key + "\"}");
        return event;
    }
}
