package io.atrium.partner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.local.LocalRuntime;
import io.atrium.local.auth.JwtAttackCorpus;
import io.atrium.local.auth.JwtAttackCorpus.Attack;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import io.atrium.local.junit.ApiClients.TenantClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of bad bearer token is a 401 from the partner API, over HTTP, through the real authorizer. */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAttacksOverHttpTest {
    @RegisterExtension
    static final LocalSystemExtension SYSTEM = AuthSystem.extension();

    private AuthSystem auth;
    private String validToken;
    private List<Attack> attacks;

    @BeforeAll
    void onboard(LocalSystem system) throws Exception {
        LocalRuntime runtime = system.runtime();
        auth = new AuthSystem(runtime);
        TenantClient victim = auth.clients.onboard("Victim", "premium");
        TenantClient other = auth.clients.onboard("Other", "premium");
        validToken = auth.clients.token(victim);
        JWTClaimsSet valid = SignedJWT.parse(validToken).getJWTClaimsSet();
        attacks = JwtAttackCorpus.attacks(valid, (header, claims) -> auth.cognito().issuer().sign(header, claims),
                auth.cognito().issuer().publicKey(), other.clientId());
    }

    @Test
    void theValidTokenItselfIsAccepted() {
        HttpResponse<String> r = AuthSystem.send(AuthSystem.request(auth.partners(), validToken).GET().build());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void everyAttackIs401WithNothingRead() {
        assertEquals(true, attacks.size() >= 15);
        List<String> failures = new ArrayList<>();
        for (Attack attack : attacks) {
            HttpRequest.Builder request = AuthSystem.request(auth.partners(), null).GET();
            if (attack.authorization() != null) {
                request.header("Authorization", attack.authorization());
            }
            HttpResponse<String> r = AuthSystem.send(request.build());
            if (r.statusCode() != 401 || !r.body().equals("{\"message\":\"Unauthorized\"}")) {
                failures.add(attack.name() + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertEquals(List.of(), failures);
    }
}
