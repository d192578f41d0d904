package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.assertUnavailable;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.testing.FaultyDynamoDb;
import io.atrium.shared.testing.FaultyDynamoDb.Fault;
import io.atrium.shared.testing.FunctionContext;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * POST /transactions (a DynamoDB transaction over the transaction and its contract's balance) and GET on the
 * functions' real SDK client and DynamoDB Local, with DynamoDB throttled, failing, hanging or losing answers at the
 * HTTP layer: 503 with Retry-After before the function's timeout, no money moved, and a retry with the same
 * Idempotency-Key moves it exactly once.
 */
class TransactionDependencyFaultsTest {
    /** The functions' timeout (10 s in transaction/template.yaml), shortened so hangs stay short. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(4);
    private static final FaultyDynamoDb DYNAMODB = new FaultyDynamoDb();
    private static TransactionFixture api;

    @BeforeAll
    static void wire() {
        api = new TransactionFixture("transaction-faults", DYNAMODB.client());
    }

    @AfterEach
    void heal() {
        DYNAMODB.heal();
    }

    /** Invokes the handler as Lambda would; the answer must come before the function's timeout. */
    private static ProxyResponseEvent call(ApiHandler handler, ProxyRequestEvent event) {
        FunctionContext context = FunctionContext.startingNow(FUNCTION_TIMEOUT);
        ProxyResponseEvent response = handler.respond(event, context);
        assertTrue(context.getRemainingTimeInMillis() > 0, "Lambda would have ended the function before it answered");
        return response;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "PROVISIONED_THROUGHPUT_EXCEEDED", "INTERNAL_SERVER_ERROR",
            "SERVICE_UNAVAILABLE", "HANG"})
    void aChargeRetriedWithItsKeyAfterA503MovesTheBalanceExactlyOnce(Fault fault) {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");

        DYNAMODB.always("TransactWriteItems", fault);
        assertUnavailable(call(api.create, post(tenant, contractId, "CHARGE", "40.00", "EUR", "k-1")));
        assertEquals(0, api.stored(tenant, contractId).size());
        assertEquals(0, api.balance(tenant, contractId).signum());

        DYNAMODB.heal();
        ProxyResponseEvent first = call(api.create, post(tenant, contractId, "CHARGE", "40.00", "EUR", "k-1"));
        assertEquals(201, first.getStatusCode(), "the retry must run, not meet the failed attempt's claim: " + first.getBody());
        ProxyResponseEvent again = call(api.create, post(tenant, contractId, "CHARGE", "40.00", "EUR", "k-1"));
        assertEquals(first.getBody(), again.getBody());
        assertEquals(1, api.stored(tenant, contractId).size());
        assertEquals(new BigDecimal("40.00"), api.balance(tenant, contractId));
    }

    /** The SDK sends the same ClientRequestToken again, so DynamoDB answers the retry without applying it twice. */
    @Test
    void aTransactionWhoseAnswerWasLostIsNotAppliedTwiceByTheSdksRetry() {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");

        int attempts = DYNAMODB.attempts("TransactWriteItems");
        DYNAMODB.inject("TransactWriteItems", Fault.APPLIED_THEN_LOST, 1);
        ProxyResponseEvent created = call(api.create, post(tenant, contractId, "CHARGE", "40.00", "EUR", "k-lost"));

        assertEquals(201, created.getStatusCode(), created.getBody());
        assertEquals(2, DYNAMODB.attempts("TransactWriteItems") - attempts, "applied, answer lost, retried by the SDK");
        assertEquals(1, api.stored(tenant, contractId).size());
        assertEquals(new BigDecimal("40.00"), api.balance(tenant, contractId));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "INTERNAL_SERVER_ERROR", "HANG"})
    void aReadOfAFailingTableIs503(Fault fault) {
        String tenant = OwnedIds.newTenantId();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        String id = json(call(api.create, post(tenant, contractId, "CHARGE", "1.00", "EUR", "k-read"))).get("id").textValue();
        ProxyRequestEvent read = withTransactionId(as(event("get-transaction.json"), tenant), id);

        DYNAMODB.always("GetItem", fault);
        assertUnavailable(call(api.get, read));

        DYNAMODB.heal();
        assertEquals(200, call(api.get, read).getStatusCode());
    }
}
