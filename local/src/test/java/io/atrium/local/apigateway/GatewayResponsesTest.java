package io.atrium.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.lambda.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway responses rendered as API Gateway renders them, and a runtime failure that never leaks. */
class GatewayResponsesTest {

    private static final Stage STAGE = new Stage("fx", "Api", "abcdefghij", "v1", "us-east-1", "123456789012",
            Map.of("color", "blue"), new BinaryMediaTypes(List.of()));

    private static GatewayContext context() {
        HttpRequest request = new HttpRequest("GET", "/v1/things/1", "q=a%20b", List.of(Map.entry("X-Trace", "t-1")),
                new byte[0], null);
        return new GatewayContext("11111111-2222-3333-4444-555555555555", "abcdefghij", "v1", request, null, Map.of(),
                Map.of("color", "blue")).matched("/things/{id}", Map.of("id", "1"));
    }

    private static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutCustomisationTheAnswerIsApiGatewaysDefault() {
        HttpResponse r = GatewayResponses.none().render(GatewayError.AUTHORIZER_CONFIGURATION_ERROR, context());
        assertEquals(500, r.status());
        assertEquals("{\"message\":null}", body(r));
        assertEquals("AuthorizerConfigurationException", r.header("x-amzn-ErrorType"));
        assertEquals("11111111-2222-3333-4444-555555555555", r.header("x-amzn-RequestId"));
    }

    @Test
    void templatesHeadersAndStatusComeFromTheMostSpecificResponse() {
        GatewayResponses responses = new GatewayResponses(Map.of(
                GatewayResponseType.DEFAULT_4XX, new GatewayResponse(null, Map.of("X-Request-Id", "context.requestId"),
                        Map.of()),
                GatewayResponseType.UNAUTHORIZED, new GatewayResponse(401, Map.of("WWW-Authenticate", "'Bearer'",
                        "X-Trace", "method.request.header.X-Trace", "X-Q", "method.request.querystring.q",
                        "X-Color", "stageVariables.color"),
                        Map.of("application/problem+json", "{\"title\":$context.error.messageString,"
                                + "\"type\":\"$context.error.responseType\",\"requestId\":\"${context.requestId}\"}"))));
        HttpResponse unauthorized = responses.render(GatewayError.UNAUTHORIZED, context());
        assertEquals(401, unauthorized.status());
        assertEquals("{\"title\":\"Unauthorized\",\"type\":\"UNAUTHORIZED\",\"requestId\":"
                + "\"11111111-2222-3333-4444-555555555555\"}", body(unauthorized));
        assertEquals("application/problem+json", unauthorized.header("Content-Type"));
        assertEquals("Bearer", unauthorized.header("WWW-Authenticate"));
        assertEquals("t-1", unauthorized.header("X-Trace"));
        assertEquals("a b", unauthorized.header("X-Q"));
        assertEquals("blue", unauthorized.header("X-Color"));
        assertEquals(null, unauthorized.header("X-Request-Id"), "a type's own response replaces DEFAULT_4XX");

        HttpResponse missing = responses.render(GatewayError.MISSING_AUTHENTICATION_TOKEN, context());
        assertEquals(403, missing.status());
        assertEquals("11111111-2222-3333-4444-555555555555", missing.header("X-Request-Id"));
        assertEquals("{\"message\":\"Missing Authentication Token\"}", body(missing));
    }

    @Test
    void aFallbacksStatusCodeChangesTheUncustomisedTypesOfItsClass() {
        GatewayResponses responses = new GatewayResponses(Map.of(GatewayResponseType.DEFAULT_5XX,
                new GatewayResponse(503, Map.of("Retry-After", "'7'"), Map.of())));
        HttpResponse timeout = responses.render(GatewayError.INTEGRATION_TIMEOUT, context());
        assertEquals(503, timeout.status());
        assertEquals("7", timeout.header("Retry-After"));
        HttpResponse throttled = responses.render(GatewayError.throttled(2), context());
        assertEquals(429, throttled.status(), "a 4xx is not changed by DEFAULT_5XX");
        assertEquals("2", throttled.header("Retry-After"), "the runtime's own Retry-After when none is customised");
    }

    @Test
    void whatTheRuntimeCannotEvaluateIsRefusedWhenTheTemplateIsRead() {
        assertThrows(IllegalArgumentException.class,
                () -> new GatewayResponse(null, Map.of("X", "method.request.multivalueheader.X"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new GatewayResponse(null, Map.of(), Map.of("application/json", "#if($x)a#end")));
        assertThrows(IllegalArgumentException.class,
                () -> new GatewayResponse(null, Map.of(), Map.of("application/json", "$input.body")));
        assertThrows(IllegalArgumentException.class, () -> new GatewayResponse(99, Map.of(), Map.of()));
    }

    @Test
    void aFailureInsideTheRuntimeIsAGeneric500ThatLeaksNothing() {
        LocalFunction broken = new LocalFunction(new LocalFunction.Config("fx", "Broken", "fx-Broken",
                "arn:aws:lambda:us-east-1:123456789012:function:fx-Broken", "no.Such::handle", Path.of("/nonexistent"),
                List.of(), Map.of(), 3, 128), Path.of("target"));
        RouteTable routes = new RouteTable();
        routes.add(new Route("GET", "/things/{id}", broken, null, true));
        GatewayResponses responses = new GatewayResponses(Map.of(GatewayResponseType.DEFAULT_5XX,
                new GatewayResponse(null, Map.of("X-Request-Id", "context.requestId"), Map.of())));
        RestApi api = new RestApi(STAGE, routes, null, null, responses, new UsagePlanMeter(null, "HEADER"));
        HttpResponse r = api.handle(new HttpRequest("GET", "/v1/things/1", null, List.of(), new byte[0], null));
        assertEquals(500, r.status());
        assertEquals("{\"message\":\"Internal server error\"}", body(r));
        assertEquals(r.header("x-amzn-RequestId"), r.header("X-Request-Id"));
        assertFalse(body(r).contains("Exception") || body(r).contains("java."), body(r));
        assertTrue(r.headers().stream().noneMatch(h -> h.getValue().contains("Exception")), r.headers().toString());
    }
}
