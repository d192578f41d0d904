package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.atrium.local.LocalRuntime;
import io.atrium.local.RawHttp;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers the gateway makes itself, over real HTTP: each one goes through the Api's gateway responses (the
 * fixture's DEFAULT_4XX/DEFAULT_5XX add X-Request-Id; its ACCESS_DENIED resource replaces them for that type).
 */
@EndToEnd
class GatewayAnswersTest {

    @RegisterExtension
    static final LocalSystemExtension SYSTEM = LocalSystemExtension.of("fixture-root",
            () -> new LocalRuntime.Options().root(FixtureRoot.get()).warmUp(false));

    private final int port;

    GatewayAnswersTest(LocalSystem system) {
        this.port = system.baseUrl("alpha").getPort();
    }

    private RawHttp.Answer get(String target, String... headerLines) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headerLines) {
            request.append(h).append("\r\n");
        }
        return RawHttp.exchange(port, request.append("Connection: close\r\n\r\n").toString());
    }

    private static void assertRequestIdHeader(RawHttp.Answer a) {
        String requestId = a.header("x-amzn-RequestId");
        assertNotNull(requestId, a.toString());
        assertEquals(requestId, a.header("X-Request-Id"), "X-Request-Id from context.requestId: " + a);
    }

    @Test
    void aMalformedPercentEscapeInThePathIs400NotAnError() throws Exception {
        for (String path : List.of("/v1/items/%zz", "/v1/%", "/v1/items/%2", "/v1/items/a%2", "/v1/%g0/x")) {
            RawHttp.Answer a = get(path);
            assertEquals(400, a.status(), path + ": " + a);
            assertEquals("{\"message\":\"Bad Request\"}", a.body(), path);
            assertRequestIdHeader(a);
        }
        assertEquals(200, get("/v1/items/a%25b").status(), "a well-formed escape of % still reaches the function");
    }

    @Test
    void everyGatewayAnswerCarriesTheRequestId() throws Exception {
        RawHttp.Answer missingToken = get("/v1/nothing/here");
        assertEquals(403, missingToken.status());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", missingToken.body());
        assertRequestIdHeader(missingToken);

        RawHttp.Answer unauthorized = get("/v1/secure");
        assertEquals(401, unauthorized.status());
        assertRequestIdHeader(unauthorized);

        RawHttp.Answer otherStage = get("/v2/items/1");
        assertEquals(403, otherStage.status());
        assertRequestIdHeader(otherStage);

        RawHttp.Answer badGateway = get("/v1/failing");
        assertEquals(502, badGateway.status());
        assertEquals("{\"message\":\"Internal server error\"}", badGateway.body());
        assertRequestIdHeader(badGateway);

        RawHttp.Answer malformedAnswer = get("/v1/malformed");
        assertEquals(502, malformedAnswer.status());
        assertRequestIdHeader(malformedAnswer);
    }

    @Test
    void aResponseTypeOfItsOwnReplacesTheDefault() throws Exception {
        RawHttp.Answer denied = RawHttp.exchange(port, "DELETE /v1/secure/item-7 HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: deny\r\nConnection: close\r\n\r\n");
        assertEquals(403, denied.status());
        assertEquals("{\"message\":\"User is not authorized to access this resource\"}", denied.body());
        assertRequestIdHeader(denied);
        assertEquals("item-7", denied.header("X-Denied-Path"), "method.request.path.id");
        assertEquals("no-store", denied.header("Cache-Control"), "a quoted literal");
    }

    @Test
    void requestsTheServerCannotReadAreAnsweredByTheGatewayToo() throws Exception {
        RawHttp.Answer badLine = RawHttp.exchange(port, "NONSENSE\r\n\r\n");
        assertEquals(400, badLine.status());
        assertEquals("{\"message\":\"Bad Request\"}", badLine.body());
        assertRequestIdHeader(badLine);

        RawHttp.Answer badLength = RawHttp.exchange(port, "POST /v1/items HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        assertEquals(400, badLength.status());
        assertRequestIdHeader(badLength);
    }

    @Test
    void http10KeepAliveIsKeptAndSaidSo() throws Exception {
        try (RawHttp http = new RawHttp(port, 15_000)) {
            for (int i = 0; i < 3; i++) {
                http.send("GET /v1/items/" + i + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                RawHttp.Answer a = http.read();
                assertEquals(200, a.status(), a.toString());
                assertEquals("keep-alive", a.header("Connection"), "an HTTP/1.0 client must be told the connection stays");
            }
            http.send("GET /v1/items/x HTTP/1.0\r\n\r\n");
            assertEquals(200, http.read().status());
            org.junit.jupiter.api.Assertions.assertTrue(http.closedByServer(), "HTTP/1.0 without keep-alive: closed");
        }
    }
}
