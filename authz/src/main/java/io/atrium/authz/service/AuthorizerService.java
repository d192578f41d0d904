package io.atrium.authz.service;

import io.atrium.authz.token.AccessTokenVerifier;
import io.atrium.authz.token.TokenRejectedException;
import io.atrium.authz.token.VerifiedToken;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tier;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides the Lambda authorizer's answer for a bearer token: who the caller is (context for the handlers)
 * and which tier's API key meters it (usageIdentifierKey for the usage plans). Tenant id, client id and
 * scopes come from the verified token; the tier from the tenant's record, which is current.
 */
public final class AuthorizerService {
    /** The tenant id the pre-token trigger gives the platform's administrator client (ADR 0201). */
    public static final String PLATFORM_TENANT = "platform";

    /** The caller as the authorizer context carries it, and the API key that meters it. */
    public record Grant(String tenantId, String clientId, Tier tier, String scopes, String usageIdentifierKey) {
        public Map<String, Object> context() {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("tenantId", tenantId);
            context.put("tier", tier.wireName());
            context.put("scopes", scopes);
            context.put("clientId", clientId);
            return context;
        }

        @Override
        public String toString() {
            return "Grant[tenantId=" + tenantId + ", clientId=" + clientId + ", tier=" + tier + ", scopes=" + scopes + "]";
        }
    }

    private final AccessTokenVerifier verifier;
    private final CallerStanding standing;
    private final Map<Tier, String> apiKeys;
    private final String adminClientId;

    public AuthorizerService(AccessTokenVerifier verifier, CallerStanding standing, Map<Tier, String> apiKeys,
                             String adminClientId) {
        this.verifier = verifier;
        this.standing = standing;
        this.apiKeys = new EnumMap<>(apiKeys);
        this.adminClientId = Objects.requireNonNull(adminClientId, "adminClientId");
        for (Tier tier : Tier.values()) {
            if (this.apiKeys.get(tier) == null || this.apiKeys.get(tier).isBlank()) {
                throw new IllegalStateException("no API key for tier " + tier.wireName());
            }
        }
    }

    /** @param authorization the Authorization header: {@code Bearer <token>} */
    public Grant authorize(String authorization) throws TokenRejectedException {
        String token = bearer(authorization);
        VerifiedToken verified = verifier.verify(token);
        Tier tier;
        if (PLATFORM_TENANT.equals(verified.tenantId())) {
            if (!adminClientId.equals(verified.clientId())) {
                throw new TokenRejectedException("platform tenant claimed by a client that is not the admin client");
            }
            tier = Tier.PREMIUM;
        } else {
            tier = standing.tierOf(verified.tenantId(), verified.clientId())
                    .orElseThrow(() -> new TokenRejectedException("client is not an active client of the token's tenant"));
        }
        String scopes = verified.scopes().stream().map(Scopes::forHandlers).distinct().collect(Collectors.joining(" "));
        return new Grant(verified.tenantId(), verified.clientId(), tier, scopes, apiKeys.get(tier));
    }

    private static String bearer(String authorization) throws TokenRejectedException {
        if (authorization == null) {
            throw new TokenRejectedException("no Authorization header");
        }
        String value = authorization.strip();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new TokenRejectedException("Authorization is not a bearer token");
        }
        return value.substring(7).strip();
    }
}
