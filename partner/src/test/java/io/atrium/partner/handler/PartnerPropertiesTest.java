package io.atrium.partner.handler;

import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withNewRequestId;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.testing.Answers;
import io.atrium.shared.testing.JsonBodies;
import io.atrium.shared.testing.OpenApiChecks;
import io.atrium.shared.testing.RequestInputs;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every partner route under arbitrary input, against real tables: bodies (missing, null, wrong-typed, huge, deeply
 * nested, Unicode, extra fields at any depth), ids, query values and If-Match. Every answer is a 2xx or a 4xx
 * problem naming the field, documented in openapi.json, and leaks nothing. Tries: {@code -Djqwik.tries=N}.
 */
class PartnerPropertiesTest {
    private static final String TENANT = "t-partner-props";
    private static final String VALID = "{\"name\":\"Acme\",\"email\":\"ops@acme.example\",\"country\":\"DE\",\"taxId\":\"DE 123\"}";
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static PartnerFixture api;
    private static String partnerId;
    private static String deletableId;

    @BeforeContainer
    static void wire() {
        api = new PartnerFixture("partner-properties");
        partnerId = api.createPartner(TENANT, "Target");
        deletableId = api.createPartner(TENANT, "Deletable");
    }

    private static ProxyRequestEvent request(String eventName) {
        return withNewRequestId(as(event(eventName), TENANT));
    }

    private static int answer(io.atrium.shared.api.ApiHandler handler, ProxyRequestEvent event) {
        ProxyResponseEvent response = OPENAPI.call(handler, event);
        return Answers.assertWellBehaved(response);
    }

    @Provide
    Arbitrary<String> partnerBodies() {
        return JsonBodies.around(VALID);
    }

    @Provide
    Arbitrary<String> updateBodies() {
        return JsonBodies.around(VALID.replace("}", ",\"status\":\"ACTIVE\"}"));
    }

    @Property
    void createAnswersAnyBody(@ForAll("partnerBodies") String body) {
        ProxyRequestEvent event = withHeader(withBody(request("create-partner.json"), body), "Idempotency-Key", UUID.randomUUID().toString());
        int status = answer(api.create, event);
        if (status == 201) {
            assertEquals(201, answer(api.create, event), "a repeat with the same key gets the same answer");
        }
    }

    @Property
    void updateAnswersAnyBody(@ForAll("updateBodies") String body) {
        String etag = api.get.respond(PartnerFixture.withPartnerId(request("get-partner.json"), partnerId), null).getHeaders().get("ETag");
        answer(api.update, withHeader(withBody(PartnerFixture.withPartnerId(request("update-partner.json"), partnerId), body), "If-Match", etag));
    }

    @Property
    void itemRoutesAnswerAnyIdAndIfMatch(@ForAll("ids") String id, @ForAll("ifMatches") String ifMatch) {
        answer(api.get, PartnerFixture.withPartnerId(request("get-partner.json"), id));
        answer(api.update, withHeader(withBody(PartnerFixture.withPartnerId(request("update-partner.json"), id), VALID), "If-Match", ifMatch));
        answer(api.delete, withHeader(PartnerFixture.withPartnerId(request("delete-partner.json"), id), "If-Match", ifMatch));
    }

    @Property
    void listAnswersAnyQuery(@ForAll("queries") Map<String, String> query) {
        answer(api.list, withQuery(request("list-partners.json"), query));
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids(deletableId);
    }

    @Provide
    Arbitrary<String> ifMatches() {
        return RequestInputs.ifMatches();
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return RequestInputs.queries(Map.of("status", RequestInputs.oneOfOr("ACTIVE", "SUSPENDED")));
    }
}
