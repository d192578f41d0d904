package io.atrium.authz.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JWKS behaviour the authorizer relies on: caching, rate-limited refresh, outage tolerance, a strict fetch. */
class IssuerKeysTest {
    private final Tokens tokens = new Tokens();
    private final Clock clock = Clock.systemUTC();
    private final String valid = tokens.sign(Tokens.claims(Instant.now()).build());
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void knownKeysAreServedFromTheCache() throws Exception {
        FakeIssuer issuer = new FakeIssuer(tokens.publicKeys());
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.from(issuer), clock);
        for (int i = 0; i < 100; i++) {
            verifier.verify(valid);
        }
        assertEquals(1, issuer.fetches.get());
    }

    @Test
    void aFloodOfUnknownKeyIdsReachesTheIssuerAtMostTwicePerInterval() throws Exception {
        FakeIssuer issuer = new FakeIssuer(tokens.publicKeys());
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.from(issuer), clock);
        verifier.verify(valid);
        for (int i = 0; i < 200; i++) {
            String madeUp = Tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("made-up-" + i).build(),
                    Tokens.claims(Instant.now()).build(), tokens.attacker);
            assertThrows(TokenRejectedException.class, () -> verifier.verify(madeUp));
        }
        assertTrue(issuer.fetches.get() <= 2, "fetches: " + issuer.fetches.get());
        assertEquals(Tokens.TENANT, verifier.verify(valid).tenantId(), "the flood must not lock out valid tokens");
    }

    @Test
    void aRotatedKeyIsPickedUpOnItsFirstToken() throws Exception {
        RSAKey next = new RSAKeyGenerator(2048).keyID("kid-2").generate();
        FakeIssuer issuer = new FakeIssuer(tokens.publicKeys());
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.from(issuer), clock);
        verifier.verify(valid);

        issuer.keys = new JWKSet(List.of(tokens.key.toPublicJWK(), next.toPublicJWK()));
        String signedWithNext = Tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-2").build(),
                Tokens.claims(Instant.now()).build(), next);
        assertEquals(Tokens.TENANT, verifier.verify(signedWithNext).tenantId());
        assertEquals(2, issuer.fetches.get());
    }

    @Test
    void keysOnceFetchedKeepWorkingWhileTheIssuerIsDown() throws Exception {
        FakeIssuer issuer = new FakeIssuer(tokens.publicKeys());
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.from(issuer), clock);
        verifier.verify(valid);

        issuer.down = true;
        String unknown = Tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-unknown").build(),
                Tokens.claims(Instant.now()).build(), tokens.attacker);
        assertThrows(TokenRejectedException.class, () -> verifier.verify(unknown));
        assertEquals(Tokens.TENANT, verifier.verify(valid).tenantId());
    }

    @Test
    void theJwksIsFetchedOverHttpOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        URI url = serve(200, tokens.publicKeys().toString(), requests);
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.fromUrl(url), clock);

        assertEquals(Tokens.TENANT, verifier.verify(valid).tenantId());
        assertEquals(Tokens.TENANT, verifier.verify(valid).tenantId());
        assertEquals(1, requests.get());
    }

    /** No connection outlives its fetch: none opened before a SnapStart snapshot is kept for a restored copy. */
    @Test
    void theJwksRequestAsksTheIssuerToCloseItsConnection() throws Exception {
        List<String> connection = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            connection.add(String.valueOf(exchange.getRequestHeaders().getFirst("Connection")));
            respond(exchange, 200, tokens.publicKeys().toString());
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");

        assertEquals(Tokens.TENANT, new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.fromUrl(url), clock).verify(valid).tenantId());
        assertEquals(List.of("close"), connection);
    }

    @Test
    void aRedirectAnErrorOrAnOversizedJwksIsNoKeySet() throws Exception {
        for (URI url : List.of(serve(302, "", null), serve(500, tokens.publicKeys().toString(), null),
                serve(200, "{\"keys\":[],\"pad\":\"" + "A".repeat(70_000) + "\"}", null), serve(200, "not json", null))) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.fromUrl(url), clock);
            assertThrows(TokenRejectedException.class, () -> verifier.verify(valid), url.toString());
            server.stop(0);
        }
        server = null;
    }

    @Test
    void onlyHttpsOrLoopbackHttpIsAJwksUrl() {
        for (String url : List.of("http://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json",
                "file:///etc/passwd", "ftp://127.0.0.1/jwks.json")) {
            assertThrows(IllegalStateException.class, () -> IssuerKeys.fromUrl(URI.create(url)), url);
        }
        IssuerKeys.fromUrl(URI.create("https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json"));
        IssuerKeys.fromUrl(URI.create("http://127.0.0.1:4090/pool/.well-known/jwks.json"));
    }

    /**
     * Serves one answer at {@code /answer} on a loopback port, and the real key set at {@code /jwks.json}, where a
     * 3xx answer points: following the redirect would find the keys.
     */
    private URI serve(int status, String body, AtomicInteger requests) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks.json", exchange -> respond(exchange, 200, tokens.publicKeys().toString()));
        server.createContext("/answer", exchange -> {
            if (requests != null) {
                requests.incrementAndGet();
            }
            if (status / 100 == 3) {
                exchange.getResponseHeaders().add("Location", base + "/jwks.json");
            }
            respond(exchange, status, body);
        });
        server.start();
        return URI.create(base + "/answer");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
