package io.atrium.shared.domain.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The OAuth2 scopes of the platform. Cognito names a scope {@code {resourceServer}/{scope}}; the business
 * scopes are used as they are ({@code partners/read}). The platform administrator scope is the resource
 * server {@code platform} with scope {@code admin}: tokens carry {@code platform/admin} and the authorizer
 * presents it to handlers as {@code admin} (ADR 0201).
 */
public final class Scopes {
    public static final String ADMIN = "admin";
    public static final String ADMIN_TOKEN_SCOPE = "platform/admin";
    public static final List<String> RESOURCE_SERVERS = List.of("partners", "contracts", "transactions", "catalog", "orders");
    /** Every scope a tenant's client may be granted: read and write on every business resource server. */
    public static final List<String> TENANT_SCOPES;

    static {
        List<String> scopes = new ArrayList<>();
        for (String server : RESOURCE_SERVERS) {
            scopes.add(server + "/read");
            scopes.add(server + "/write");
        }
        TENANT_SCOPES = Collections.unmodifiableList(scopes);
    }


    private Scopes() {
    }

    /** The scope as handlers check it: {@code platform/admin} becomes {@code admin}, business scopes stay. */
    public static String forHandlers(String tokenScope) {
        return ADMIN_TOKEN_SCOPE.equals(tokenScope) ? ADMIN : tokenScope;
    }
}
