package io.atrium.contract.handler;

import static io.atrium.contract.handler.ContractFixture.as;
import static io.atrium.contract.handler.ContractFixture.withContractId;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withQuery;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ApiHandler;
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
 * Every contract route under arbitrary input, against real tables: every answer is a 2xx or a 4xx problem naming
 * the field, documented in openapi.json, and leaks nothing. Tries: {@code -Djqwik.tries=N}.
 */
class ContractPropertiesTest {
    private static final String TENANT = "t-contract-props";
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static ContractFixture api;
    private static String partnerId;
    private static String contractId;

    @BeforeContainer
    static void wire() {
        api = new ContractFixture("contract-properties");
        partnerId = api.partner(TENANT);
        contractId = api.createContract(TENANT, partnerId, "EUR").get("id").textValue();
    }

    private static void answer(ApiHandler handler, ProxyRequestEvent event) {
        Answers.assertWellBehaved(OPENAPI.call(handler, event));
    }

    @Provide
    Arbitrary<String> contractBodies() {
        return JsonBodies.around("{\"partnerId\":\"" + partnerId + "\",\"title\":\"Support 2026\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2026-12-31\",\"value\":{\"amount\":\"12000.00\",\"currency\":\"EUR\"}}");
    }

    @Property
    void createAnswersAnyBody(@ForAll("contractBodies") String body) {
        answer(api.create, withHeader(withBody(as(event("create-contract.json"), TENANT), body), "Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Property
    void itemRoutesAnswerAnyIdAndIfMatch(@ForAll("ids") String id, @ForAll("ifMatches") String ifMatch) {
        answer(api.get, withContractId(as(event("get-contract.json"), TENANT), id));
        answer(api.activate, withHeader(withContractId(as(event("activate-contract.json"), TENANT), id), "If-Match", ifMatch));
        answer(api.terminate, withHeader(withContractId(as(event("terminate-contract.json"), TENANT), id), "If-Match", ifMatch));
    }

    @Property
    void listAnswersAnyQuery(@ForAll("queries") Map<String, String> query) {
        answer(api.list, withQuery(as(event("list-contracts.json"), TENANT), query));
    }

    @Provide
    Arbitrary<String> ids() {
        return RequestInputs.ids(contractId);
    }

    @Provide
    Arbitrary<String> ifMatches() {
        return RequestInputs.ifMatches();
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return RequestInputs.queries(Map.of("status", RequestInputs.oneOfOr("DRAFT", "ACTIVE", "TERMINATED", "EXPIRED"),
                "partnerId", RequestInputs.ids(partnerId)));
    }
}
