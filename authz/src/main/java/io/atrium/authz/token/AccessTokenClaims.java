package io.atrium.authz.token;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.atrium.shared.api.Ids;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The claim rules of a Cognito access token, on nimbus's {@link DefaultJWTClaimsVerifier}: {@code iss} is the
 * pool, {@code token_use} is {@code access}, {@code exp} is required, {@code exp}/{@code nbf} hold with
 * {@link #CLOCK_SKEW}; on top, {@code iat} may not lie in the future (beyond the same skew). Cognito access
 * tokens carry no {@code aud}; the client is {@code client_id}, checked with {@code tenant_id} by {@link #read}.
 */
final class AccessTokenClaims extends DefaultJWTClaimsVerifier<SecurityContext> {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Clock clock;

    AccessTokenClaims(String issuer, Clock clock) {
        super(new JWTClaimsSet.Builder()
                        .issuer(Objects.requireNonNull(issuer, "issuer"))
                        .claim("token_use", "access")
                        .build(),
                Set.of("exp", "client_id", "tenant_id"));
        setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new BadJWTException("JWT issued in the future");
        }
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }

    /** What the verified claims say; ids must be well-formed strings, the scope a space-separated list. */
    static VerifiedToken read(JWTClaimsSet claims) throws TokenRejectedException {
        try {
            String clientId = claims.getStringClaim("client_id");
            if (!Ids.isValid(clientId)) {
                throw new TokenRejectedException("no valid client_id");
            }
            String tenantId = claims.getStringClaim("tenant_id");
            if (!Ids.isValid(tenantId)) {
                throw new TokenRejectedException("no valid tenant_id");
            }
            String scope = claims.getStringClaim("scope");
            List<String> scopes = scope == null ? List.of()
                    : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            return new VerifiedToken(clientId, tenantId, claims.getStringClaim("tier"), scopes,
                    claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new TokenRejectedException("a claim has the wrong type");
        }
    }
}
