package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.assertProblem;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withPathParameter;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static io.atrium.shared.testing.BatchEvents.failedItems;
import static io.atrium.shared.testing.BatchEvents.invoke;
import static io.atrium.shared.testing.BatchEvents.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.junit.MutableClock;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbStatementRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbTransactionRepository;
import io.atrium.shared.testing.TableStream;
import io.atrium.shared.testing.TestTables;
import io.atrium.transaction.service.StatementLedger;
import io.atrium.transaction.service.StatementService;
import io.atrium.transaction.service.TransactionDetails;
import io.atrium.transaction.service.TransactionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The TransactionTable stream -> PostToStatementsHandler -> StatementTable -> GET /statements/{month}: real
 * transactions written through the service, their stream records read from DynamoDB Local's Streams API and
 * handed to the consumer as Lambda would, the totals read back through the API handler.
 */
class StatementsStreamTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-03T09:00:00Z"));
    private static TestTables tables;
    private static TableStream stream;
    private static TransactionService transactions;
    private static DynamoDbContractRepository contracts;
    private static DynamoDbPartnerRepository partners;
    private static PostToStatementsHandler consumer;
    private static GetStatementHandler get;

    @BeforeAll
    static void wire() {
        tables = TestTables.create("transaction-statements-stream");
        stream = TableStream.of(tables, "TransactionTable");
        contracts = new DynamoDbContractRepository(tables.client(), tables.name("ContractTable"), tables.name("PartnerTable"));
        partners = new DynamoDbPartnerRepository(tables.client(), tables.enhanced(), tables.name("PartnerTable"));
        transactions = new TransactionService(new DynamoDbTransactionRepository(tables.client(), tables.name("TransactionTable"),
                tables.name("ContractTable")), DynamoDbContractRepository.reader(tables.client(), tables.name("ContractTable")),
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), CLOCK);
        StatementLedger ledger = new StatementService(new DynamoDbStatementRepository(tables.client(), tables.name("StatementTable")));
        consumer = new PostToStatementsHandler(ledger);
        get = new GetStatementHandler(ledger);
    }

    @AfterAll
    static void close() {
        stream.close();
    }

    @Test
    void chargesAndRefundsAddUpPerTenantMonthAndCurrencyAndReplaysChangeNothing() {
        String tenant = OwnedIds.newTenantId();
        String other = OwnedIds.newTenantId();
        String euro = activeContract(tenant, "EUR");
        String yen = activeContract(tenant, "JPY");
        String othersEuro = activeContract(other, "EUR");
        CLOCK.now = Instant.parse("2026-11-03T09:00:00Z");
        record(tenant, euro, TransactionType.CHARGE, "100.00", "EUR");
        record(tenant, euro, TransactionType.CHARGE, "20", "EUR");
        record(tenant, euro, TransactionType.REFUND, "20.00", "EUR");
        record(tenant, yen, TransactionType.CHARGE, "500", "JPY");
        record(other, othersEuro, TransactionType.CHARGE, "7.77", "EUR");
        CLOCK.now = Instant.parse("2026-11-30T23:59:59.999Z");
        record(tenant, euro, TransactionType.CHARGE, "0.01", "EUR");
        CLOCK.now = Instant.parse("2026-12-01T00:00:00Z");
        record(tenant, euro, TransactionType.CHARGE, "1.00", "EUR");

        List<JsonNode> records = stream.next();
        assertEquals(7, records.size());
        JsonNode response = invoke(consumer, TableStream.event(records));
        assertEquals(List.of(), failedItems(response));

        String november = "{\"month\":\"2026-11\",\"totals\":["
                + "{\"currency\":\"EUR\",\"charged\":\"120.01\",\"refunded\":\"20.00\",\"net\":\"100.01\",\"count\":4},"
                + "{\"currency\":\"JPY\",\"charged\":\"500\",\"refunded\":\"0\",\"net\":\"500\",\"count\":1}]}";
        assertEquals(november, statement(tenant, "2026-11").getBody());
        assertEquals("{\"month\":\"2026-12\",\"totals\":[{\"currency\":\"EUR\",\"charged\":\"1.00\",\"refunded\":\"0.00\",\"net\":\"1.00\",\"count\":1}]}",
                statement(tenant, "2026-12").getBody());
        assertEquals("{\"month\":\"2026-11\",\"totals\":[{\"currency\":\"EUR\",\"charged\":\"7.77\",\"refunded\":\"0.00\",\"net\":\"7.77\",\"count\":1}]}",
                statement(other, "2026-11").getBody());

        // Lambda delivers at least once: the same records again, and twice within one batch, count once.
        List<JsonNode> twice = new ArrayList<>(records);
        twice.addAll(records);
        assertEquals(List.of(), failedItems(invoke(consumer, TableStream.event(records))));
        assertEquals(List.of(), failedItems(invoke(consumer, TableStream.event(twice))));
        assertEquals(november, statement(tenant, "2026-11").getBody());
        Map<String, AttributeValue> stored = tables.client().getItem(r -> r.tableName(tables.name("StatementTable"))
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant + "#STATEMENT#2026-11")))).item();
        assertEquals(0, new BigDecimal("120.01").compareTo(new BigDecimal(stored.get("charged_EUR").n())));
        assertEquals(0, new BigDecimal("20").compareTo(new BigDecimal(stored.get("refunded_EUR").n())));
        assertEquals("4", stored.get("count_EUR").n());
        assertEquals("1", stored.get("count_JPY").n());
    }

    @Test
    void aMalformedRecordFailsAloneByItsSequenceNumberAndTheOthersArePosted() {
        JsonNode response = invoke(consumer, recorded("transactions-stream.json"));

        assertEquals(List.of("111000000000000000000002"), failedItems(response));
        assertEquals("{\"month\":\"2026-11\",\"totals\":[{\"currency\":\"EUR\",\"charged\":\"250.00\",\"refunded\":\"0.50\",\"net\":\"249.50\",\"count\":2}]}",
                statement("tenant-stream", "2026-11").getBody());
        // The retry Lambda makes from the failed record on changes nothing for the ones already posted.
        assertEquals(List.of("111000000000000000000002"), failedItems(invoke(consumer, recorded("transactions-stream.json"))));
        assertEquals(2, json(statement("tenant-stream", "2026-11")).get("totals").get(0).get("count").intValue());
    }

    @Test
    void aMonthWithoutTransactionsHasNoTotals() {
        ProxyResponseEvent response = statement(OwnedIds.newTenantId(), "1999-01");
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("{\"month\":\"1999-01\",\"totals\":[]}", response.getBody());
    }

    @Test
    void aMalformedMonthIs400NamingIt() {
        for (String month : List.of("2026-13", "2026-1", "2026-00", "26-11", "2026-11-01", "november", "2026-11 ")) {
            ProxyResponseEvent response = statement(OwnedIds.newTenantId(), month);
            assertProblem(response, 400);
            assertEquals(Set.of("month"), errorFields(response), month);
        }
    }

    @Test
    void readingStatementsNeedsTheReadScope() {
        ProxyRequestEvent event = withScopes(statementEvent(OwnedIds.newTenantId(), "2026-11"), "transactions/write");
        assertProblem(get.respond(event, null), 403);
    }

    private static ProxyResponseEvent statement(String tenantId, String month) {
        return get.respond(statementEvent(tenantId, month), null);
    }

    private static void record(String tenantId, String contractId, TransactionType type, String amount, String currency) {
        transactions.record(tenantId, new TransactionDetails(contractId, type, Money.of(amount, currency), "ref"));
    }

    private static String activeContract(String tenantId, String currency) {
        Instant now = Instant.parse("2026-10-01T00:00:00Z");
        String partnerId = "par_" + UUID.randomUUID().toString().replace("-", "");
        partners.create(new Partner(tenantId, partnerId, "Partner", "ops@example.test", "NL", null, PartnerStatus.ACTIVE, 0, 1, now, now));
        Contract draft = contracts.create(new Contract(tenantId, "con_" + UUID.randomUUID().toString().replace("-", ""), partnerId, "Support",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2099-12-31"), Money.of("1000", currency), Money.zero(currency),
                ContractStatus.DRAFT, 1, now, now));
        return contracts.move(draft, ContractStatus.ACTIVE, now).id();
    }

    /** A GET /statements/{month} event as the tenant's request. */
    private static ProxyRequestEvent statementEvent(String tenantId, String month) {
        return withPathParameter(TransactionFixture.as(event("get-statement.json"), tenantId), "month", month);
    }
}
