package io.atrium.partner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import io.atrium.partner.security.AuthSystem.TenantClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The basic tier's usage plan on the partner API (10 rps, burst 20) as a client sees it: a burst of 40
 * gets about 20 through and 429 with Retry-After for the rest, then requests pass at 10 a second.
 * The only test of this module that uses a basic tenant, so nothing else drains the bucket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    @RegisterExtension
    static final LocalSystemExtension SYSTEM = AuthSystem.extension();

    private AuthSystem auth;
    private String token;

    @BeforeAll
    void basicTenant(LocalSystem system) throws Exception {
        auth = new AuthSystem(system.runtime());
        TenantClient client = auth.onboard("Small Shop", "basic");
        token = auth.token(client);
        // warm the authorizer and the function, then let the bucket fill again (20 tokens at 10/s)
        assertEquals(200, AuthSystem.send(AuthSystem.request(auth.partners(), token).GET().build()).statusCode());
        Thread.sleep(2_500);
    }

    private List<HttpResponse<String>> burst(int n) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(AuthSystem.HTTP.sendAsync(AuthSystem.request(auth.partners(), token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void aBurstOfFortyGetsAboutTwentyThroughThenRecoversAtTenPerSecond() throws Exception {
        List<HttpResponse<String>> first = burst(40);
        long ok = first.stream().filter(r -> r.statusCode() == 200).count();
        List<HttpResponse<String>> limited = first.stream().filter(r -> r.statusCode() == 429).toList();

        assertEquals(40, ok + limited.size(), "only 200 and 429 expected");
        assertTrue(ok >= 18 && ok <= 26, "about 20 through, got " + ok);
        for (HttpResponse<String> r : limited) {
            assertEquals("{\"message\":\"Too Many Requests\"}", r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 without Retry-After");
        }

        // the bucket is empty now: for two seconds, as fast as one client goes, about 10 a second pass
        long end = System.nanoTime() + 2_000_000_000L;
        long passed = 0;
        long sent = 0;
        while (System.nanoTime() < end) {
            sent++;
            if (AuthSystem.send(AuthSystem.request(auth.partners(), token).GET().build()).statusCode() == 200) {
                passed++;
            }
        }
        assertTrue(sent > passed, "the client must have been throttled again");
        assertTrue(passed >= 16 && passed <= 25, "about 20 in two seconds at 10/s, got " + passed + " of " + sent);
    }
}
