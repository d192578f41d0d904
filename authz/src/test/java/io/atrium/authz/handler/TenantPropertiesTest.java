package io.atrium.authz.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withNewRequestId;
import static io.atrium.shared.testing.ApiEvents.withPathParameter;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.authz.service.TenantService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.repository.dynamodb.DynamoDbTenantRepository;
import io.atrium.shared.testing.Answers;
import io.atrium.shared.testing.JsonBodies;
import io.atrium.shared.testing.OpenApiChecks;
import io.atrium.shared.testing.RequestInputs;
import io.atrium.shared.testing.TestTables;
import java.time.Clock;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The tenant admin routes under arbitrary input, against a real TenantTable (the identity provider's side is the
 * in-memory stand-in of {@link TenantApiTest}): every answer is a 2xx or a 4xx problem naming the field,
 * documented in openapi.json, and leaks nothing. Tries: {@code -Djqwik.tries=N}.
 */
class TenantPropertiesTest {
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static CreateTenantHandler create;
    private static GetTenantHandler get;
    private static UpdateTenantHandler update;
    private static MeHandler me;
    private static String tenantId;

    @BeforeContainer
    static void wire() {
        TestTables tables = TestTables.create("tenant-properties");
        TenantService service = new TenantService(new DynamoDbTenantRepository(tables.client(), tables.enhanced(),
                tables.name("TenantTable")), new TenantApiTest.FakeAppClients(), Clock.systemUTC());
        create = new CreateTenantHandler(service);
        get = new GetTenantHandler(service);
        update = new UpdateTenantHandler(service);
        me = new MeHandler();
        tenantId = json(create.respond(withNewRequestId(event("create-tenant.json")), null)).get("id").textValue();
    }

    private static void answer(ApiHandler handler, ProxyRequestEvent event) {
        Answers.assertWellBehaved(OPENAPI.call(handler, withNewRequestId(event)));
    }

    @Provide
    Arbitrary<String> tenantBodies() {
        return JsonBodies.around("{\"name\":\"Acme GmbH\",\"tier\":\"standard\"}");
    }

    @Provide
    Arbitrary<String> updateBodies() {
        return JsonBodies.around("{\"tier\":\"premium\",\"status\":\"ACTIVE\"}");
    }

    @Property
    void createAnswersAnyBody(@ForAll("tenantBodies") String body) {
        answer(create, withHeader(withBody(event("create-tenant.json"), body), "Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Property
    void updateAnswersAnyBody(@ForAll("updateBodies") String body) {
        String etag = get.respond(withPathParameter(event("get-tenant.json"), "tenantId", tenantId), null).getHeaders().get("ETag");
        answer(update, withHeader(withBody(withPathParameter(event("update-tenant.json"), "tenantId", tenantId), body), "If-Match", etag));
    }

    @Property
    void itemRoutesAnswerAnyIdAndIfMatch(@ForAll("ids") String id, @ForAll("ifMatches") String ifMatch) {
        answer(get, withPathParameter(event("get-tenant.json"), "tenantId", id));
        answer(update, withHeader(withBody(withPathParameter(event("update-tenant.json"), "tenantId", id), "{\"tier\":\"basic\"}"),
                "If-Match", ifMatch));
        answer(me, event("me.json"));
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids(tenantId);
    }

    @Provide
    Arbitrary<String> ifMatches() {
        return RequestInputs.ifMatches();
    }
}
