package io.atrium.shared.domain.tenant;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth2 app client (client-credentials grant) of one tenant. The secret lives only in the identity
 * provider (Cognito) and is shown once, when the client is created.
 */
public record Client(String tenantId, String clientId, String name, List<String> scopes, Instant createdAt) {
    public Client {
        scopes = List.copyOf(scopes);
    }
}
