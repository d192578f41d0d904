package io.atrium.authz.token;

import java.time.Instant;
import java.util.List;

/** What a verified access token says: the client, its tenant and tier, and the scopes granted. */
public record VerifiedToken(String clientId, String tenantId, String tier, List<String> scopes, Instant expiresAt) {
    public VerifiedToken {
        scopes = List.copyOf(scopes);
    }
}
