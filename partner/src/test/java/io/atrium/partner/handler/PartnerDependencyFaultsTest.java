package io.atrium.partner.handler;

import static io.atrium.partner.handler.PartnerFixture.withPartnerId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.assertUnavailable;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withNewRequestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.testing.FaultyDynamoDb;
import io.atrium.shared.testing.FaultyDynamoDb.Fault;
import io.atrium.shared.testing.FunctionContext;
import io.atrium.shared.testing.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The partner handlers on the functions' real SDK client and DynamoDB Local, with DynamoDB throttled, failing or
 * hanging at the HTTP layer: a read and a conditional write answer 503 with Retry-After and change nothing, and a
 * POST retried with its Idempotency-Key once DynamoDB is back is applied exactly once.
 */
class PartnerDependencyFaultsTest {
    /**
     * The functions' timeout (10 s in partner/template.yaml), shortened so hangs stay short: 4 s, which one SDK call
     * could spend alone (AwsClients.API_CALL_TIMEOUT) were it not for the request's budget.
     */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(4);
    private static final FaultyDynamoDb DYNAMODB = new FaultyDynamoDb();
    private static TestTables tables;
    private static String partnerTable;
    private static CreatePartnerHandler create;
    private static GetPartnerHandler get;
    private static UpdatePartnerHandler update;
    private static DeletePartnerHandler delete;

    @BeforeAll
    static void wire() {
        tables = TestTables.create("partner-faults");
        partnerTable = tables.name("PartnerTable");
        PartnerService service = new PartnerService(new DynamoDbPartnerRepository(DYNAMODB.client(),
                AwsClients.enhanced(DYNAMODB.client()), partnerTable), TestTables.paginator(),
                new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(DYNAMODB.client(), tables.name("IdempotencyTable")),
                Clock.systemUTC());
        create = new CreatePartnerHandler(service, idempotency);
        get = new GetPartnerHandler(service);
        update = new UpdatePartnerHandler(service);
        delete = new DeletePartnerHandler(service);
    }

    @AfterEach
    void heal() {
        DYNAMODB.heal();
    }

    /** Invokes the handler as Lambda would; the answer must come before the function's timeout. */
    private static ProxyResponseEvent call(ApiHandler handler, ProxyRequestEvent event) {
        FunctionContext context = FunctionContext.startingNow(FUNCTION_TIMEOUT);
        ProxyResponseEvent response = handler.respond(withNewRequestId(event), context);
        assertTrue(context.getRemainingTimeInMillis() > 0, "Lambda would have ended the function before it answered");
        return response;
    }

    private static ProxyRequestEvent post(String tenantId, String key) {
        ProxyRequestEvent event = withHeader(as(event("create-partner.json"), tenantId), "Idempotency-Key", key);
        event.setBody("{\"name\":\"Acme\",\"email\":\"ops@example.com\",\"country\":\"NL\"}");
        return event;
    }

    private static String createPartner(String tenantId) {
        ProxyResponseEvent created = call(create, post(tenantId, "seed-" + tenantId));
        assertEquals(201, created.getStatusCode(), created.getBody());
        return json(created).get("id").textValue();
    }

    private static int storedPartners(String tenantId) {
        return DYNAMODB.client().query(r -> r.tableName(partnerTable).indexName("byTenant")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#" + tenantId + "#PARTNERS")))).count();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "PROVISIONED_THROUGHPUT_EXCEEDED", "REQUEST_LIMIT_EXCEEDED",
            "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "HANG"})
    void aReadOfAFailingTableIs503AndWorksAgainOnceItIsBack(Fault fault) {
        String tenant = OwnedIds.newTenantId();
        String partnerId = createPartner(tenant);
        ProxyRequestEvent read = withPartnerId(as(event("get-partner.json"), tenant), partnerId);

        DYNAMODB.always("GetItem", partnerTable, fault);
        assertUnavailable(call(get, read));

        DYNAMODB.heal();
        assertEquals(200, call(get, read).getStatusCode());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "PROVISIONED_THROUGHPUT_EXCEEDED", "INTERNAL_SERVER_ERROR", "HANG"})
    void aConditionalUpdateOfAFailingTableIs503AndChangesNothing(Fault fault) {
        String tenant = OwnedIds.newTenantId();
        String partnerId = createPartner(tenant);
        ProxyRequestEvent put = withHeader(withPartnerId(as(event("update-partner.json"), tenant), partnerId), "If-Match", "\"1\"");

        DYNAMODB.always("UpdateItem", partnerTable, fault);
        assertUnavailable(call(update, put));

        DYNAMODB.heal();
        ProxyResponseEvent read = call(get, withPartnerId(as(event("get-partner.json"), tenant), partnerId));
        assertEquals(1, json(read).get("version").intValue(), "the failed update changed the partner");
        ProxyResponseEvent retried = call(update, put);
        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(2, json(retried).get("version").intValue());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "INTERNAL_SERVER_ERROR", "HANG"})
    void aPostRetriedWithItsKeyAfterA503IsAppliedExactlyOnce(Fault fault) {
        String tenant = OwnedIds.newTenantId();

        DYNAMODB.always("PutItem", partnerTable, fault);
        assertUnavailable(call(create, post(tenant, "k-1")));
        assertEquals(0, storedPartners(tenant));

        DYNAMODB.heal();
        ProxyResponseEvent first = call(create, post(tenant, "k-1"));
        assertEquals(201, first.getStatusCode(), "the retry must run, not meet the failed attempt's claim: " + first.getBody());
        ProxyResponseEvent again = call(create, post(tenant, "k-1"));
        assertEquals(201, again.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(1, storedPartners(tenant));
    }

    @Test
    void aCreateWhoseAnswerIsLostIsRetriedByTheSdkAndStill201() {
        String tenant = OwnedIds.newTenantId();

        DYNAMODB.inject("PutItem", partnerTable, Fault.APPLIED_THEN_LOST, 1);
        int attemptsBefore = DYNAMODB.attempts("PutItem");
        ProxyResponseEvent created = call(create, post(tenant, "k-lost"));

        assertEquals(3, DYNAMODB.attempts("PutItem") - attemptsBefore,
                "the idempotency claim, the partner put whose answer was lost and the SDK's retry of it");
        assertEquals(201, created.getStatusCode(), "the retry met our own written partner, not another: " + created.getBody());
        assertEquals(1, storedPartners(tenant));
        ProxyResponseEvent read = call(get, withPartnerId(as(event("get-partner.json"), tenant), json(created).get("id").textValue()));
        assertEquals(200, read.getStatusCode(), read.getBody());
    }

    @Test
    void anUpdateWhoseAnswerIsLostIsRetriedByTheSdkAndStill200() {
        String tenant = OwnedIds.newTenantId();
        String partnerId = createPartner(tenant);
        ProxyRequestEvent put = withHeader(withPartnerId(as(event("update-partner.json"), tenant), partnerId), "If-Match", "\"1\"");

        DYNAMODB.inject("UpdateItem", partnerTable, Fault.APPLIED_THEN_LOST, 1);
        ProxyResponseEvent updated = call(update, put);

        assertEquals(200, updated.getStatusCode(), "the retry met the update's own result, not a newer version: " + updated.getBody());
        assertEquals(2, json(updated).get("version").intValue());
        ProxyResponseEvent read = call(get, withPartnerId(as(event("get-partner.json"), tenant), partnerId));
        assertEquals(json(updated), json(read));
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsRetriedByTheSdkAndStill204() {
        String tenant = OwnedIds.newTenantId();
        String partnerId = createPartner(tenant);

        DYNAMODB.inject("DeleteItem", partnerTable, Fault.APPLIED_THEN_LOST, 1);
        int attemptsBefore = DYNAMODB.attempts("DeleteItem");
        ProxyResponseEvent deleted = call(delete, withPartnerId(as(event("delete-partner.json"), tenant), partnerId));

        assertEquals(2, DYNAMODB.attempts("DeleteItem") - attemptsBefore, "the delete whose answer was lost and its retry");
        assertEquals(204, deleted.getStatusCode(), "the retry found the partner gone by its own first attempt: " + deleted.getBody());
        assertEquals(0, storedPartners(tenant));
    }

    @Test
    void aThrottledDeleteOfAMissingPartnerIsStill404() {
        String tenant = OwnedIds.newTenantId();
        ProxyRequestEvent request = withPartnerId(as(event("delete-partner.json"), tenant), createPartner(tenant));
        assertEquals(204, call(delete, request).getStatusCode());

        DYNAMODB.inject("DeleteItem", partnerTable, Fault.THROTTLING, 1);
        int attemptsBefore = DYNAMODB.attempts("DeleteItem");
        ProxyResponseEvent again = call(delete, request);

        assertEquals(2, DYNAMODB.attempts("DeleteItem") - attemptsBefore, "the throttled attempt and the SDK's retry");
        assertEquals(404, again.getStatusCode(), "a throttled attempt is an answer: it removed nothing: " + again.getBody());
    }

    @Test
    void whenTheAnswerCannotBeStoredTheClientStillGetsIt() {
        String tenant = OwnedIds.newTenantId();

        DYNAMODB.always("UpdateItem", tables.name("IdempotencyTable"), Fault.THROTTLING);
        ProxyResponseEvent created = call(create, post(tenant, "k-3"));

        assertEquals(201, created.getStatusCode(), "the partner was created; a 503 would invite a second one: " + created.getBody());
        assertEquals(1, storedPartners(tenant));
    }

    /** A lock of 6 s instead of 30 s: the failed attempt's claim outlives it, the retry waits for it to run out. */
    @Test
    void whenTheReleaseFailsTooTheRetryIsToldToWaitForTheLockThenRunsOnce() throws Exception {
        Duration lock = Duration.ofSeconds(6);
        CreatePartnerHandler shortLock = new CreatePartnerHandler(new PartnerService(new DynamoDbPartnerRepository(DYNAMODB.client(),
                AwsClients.enhanced(DYNAMODB.client()), partnerTable), TestTables.paginator(),
                new OwnedIds(TestTables.SECRET), Clock.systemUTC()),
                new Idempotency(new DynamoDbIdempotencyStore(DYNAMODB.client(), tables.name("IdempotencyTable"), Duration.ofHours(24), lock),
                        Clock.systemUTC()));
        String tenant = OwnedIds.newTenantId();

        DYNAMODB.always("PutItem", partnerTable, Fault.HANG);
        DYNAMODB.always("DeleteItem", Fault.HANG);
        ProxyResponseEvent failed = call(shortLock, post(tenant, "k-2"));
        assertUnavailable(failed);
        DYNAMODB.heal();

        ProxyResponseEvent early = call(shortLock, post(tenant, "k-2"));
        assertEquals(409, early.getStatusCode(), early.getBody());
        int wait = Integer.parseInt(early.getHeaders().get("Retry-After"));
        assertTrue(wait >= 1 && wait <= lock.toSeconds() + 1, "Retry-After " + wait);

        Thread.sleep(Duration.ofSeconds(wait).toMillis());
        ProxyResponseEvent retried = call(shortLock, post(tenant, "k-2"));
        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(1, storedPartners(tenant));
    }
}
