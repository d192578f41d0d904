package io.atrium.authz.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.atrium.authz.token.AccessTokenVerifier;
import io.atrium.authz.token.TokenRejectedException;
import io.atrium.authz.token.Tokens;
import java.time.Clock;
import java.time.Instant;

/**
 * The verifier under arbitrary input: it either accepts a token whose signed part is exactly one the issuer
 * signed, or refuses with {@link TokenRejectedException}; any other exception is a finding. In the normal test
 * run the inputs under {@code src/test/resources/.../VerifierFuzzTestInputs} are replayed; {@code scripts/fuzz}
 * fuzzes for a given time.
 */
class VerifierFuzzTest {
    private static final Tokens TOKENS = new Tokens();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final AccessTokenVerifier VERIFIER = new AccessTokenVerifier(Tokens.ISSUER,
            new ImmutableJWKSet<>(TOKENS.publicKeys()), CLOCK);
    private static final String VALID = TOKENS.sign(Tokens.claims(Instant.now()).build());
    private static final String SIGNED_PART = VALID.substring(0, VALID.lastIndexOf('.'));

    @FuzzTest(maxDuration = "30s")
    void arbitraryTextIsRefusedCleanly(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        try {
            VERIFIER.verify(token);
            assertEquals(SIGNED_PART, token.substring(0, token.lastIndexOf('.')), "accepted a token the issuer never signed");
        } catch (TokenRejectedException expected) {
            // the only allowed failure
        }
    }

    @FuzzTest(maxDuration = "30s")
    void aMutatedValidTokenIsNeverAcceptedWithOtherContent(FuzzedDataProvider data) {
        StringBuilder token = new StringBuilder(VALID);
        int edits = data.consumeInt(1, 8);
        for (int i = 0; i < edits && token.length() > 0; i++) {
            int at = data.consumeInt(0, token.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> token.setCharAt(at, data.consumeChar());
                case 1 -> token.deleteCharAt(at);
                default -> token.insert(at, data.consumeChar());
            }
        }
        String mutated = token.toString();
        try {
            VERIFIER.verify(mutated);
            int dot = mutated.lastIndexOf('.');
            assertEquals(SIGNED_PART, dot < 0 ? mutated : mutated.substring(0, dot), "a changed header or payload was accepted");
        } catch (TokenRejectedException expected) {
            // the only allowed failure
        }
    }
}
