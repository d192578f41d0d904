package io.atrium.partner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import io.atrium.local.junit.ApiClients.TenantClient;
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
 * gets about 20 through and 429 with Retry-After for the rest, then requests pass at 10 a second, measured against the
 * time the waves really took, so a slow machine does not change the verdict.
 * The only test of this module that uses a basic tenant, so nothing else drains the bucket.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    @RegisterExtension
    static final LocalSystemExtension SYSTEM = AuthSystem.extension();

    private AuthSystem auth;
    private String token;

    @BeforeAll
    void basicTenant(LocalSystem system) throws Exception {
        auth = new AuthSystem(system.runtime());
        TenantClient client = auth.clients.onboard("Small Shop", "basic");
        token = auth.clients.token(client);
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
        long burstStart = System.nanoTime();
        List<HttpResponse<String>> first = burst(40);
        double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
        long ok = first.stream().filter(r -> r.statusCode() == 200).count();
        List<HttpResponse<String>> limited = first.stream().filter(r -> r.statusCode() == 429).toList();

        assertEquals(40, ok + limited.size(), "only 200 and 429 expected");
        // the burst of 20, plus what the bucket refilled at 10 a second while the 40 were arriving
        assertTrue(ok >= 18 && ok <= 21 + 10 * burstSeconds, "about 20 through in " + burstSeconds + " s, got " + ok);
        for (HttpResponse<String> r : limited) {
            assertEquals("{\"message\":\"Too Many Requests\"}", r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 without Retry-After");
        }

        // the bucket is empty now: waves of 25 (more than the burst of 20, so every wave meets a 429) for about
        // two seconds; what passes is what the bucket refilled at 10 a second, however slow the machine is
        long start = System.nanoTime();
        long passed = 0;
        long sent = 0;
        for (int wave = 0; wave < 5; wave++) {
            List<HttpResponse<String>> answers = burst(25);
            sent += answers.size();
            passed += answers.stream().filter(r -> r.statusCode() == 200).count();
            Thread.sleep(400);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(sent > passed, "the client must have been throttled again");
        assertTrue(passed >= 7 * seconds - 5 && passed <= 10 * seconds + 5,
                "about 10 a second for " + seconds + " s, got " + passed + " of " + sent);
    }
}
