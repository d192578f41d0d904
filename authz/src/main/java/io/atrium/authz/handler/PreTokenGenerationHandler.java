package io.atrium.authz.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.atrium.authz.AuthzWiring;
import io.atrium.authz.service.AuthorizerService;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.log.JsonLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito's pre-token-generation trigger (event version 3, access-token customisation): puts
 * {@code tenant_id} and {@code tier} into every client-credentials access token. The client's tenant comes
 * from TenantTable (index byClient). The platform's administrator client has no tenant record; Cognito only
 * grants {@code platform/admin} to that client, so the scope itself marks it (ADR 0201). An unknown client or
 * a suspended tenant fails the trigger, so Cognito issues no token.
 */
public final class PreTokenGenerationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final TenantRepository tenants;
    private final JsonLog log = new JsonLog("authz");

    public PreTokenGenerationHandler() {
        this(AuthzWiring.tenantRepository());
    }

    public PreTokenGenerationHandler(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> callerContext = event.get("callerContext") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> request = event.get("request") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String clientId = callerContext.get("clientId") instanceof String s ? s : null;
        List<?> scopes = request.get("scopes") instanceof List<?> l ? l : List.of();

        String tenantId;
        Tier tier;
        if (scopes.contains(Scopes.ADMIN_TOKEN_SCOPE)) {
            tenantId = AuthorizerService.PLATFORM_TENANT;
            tier = Tier.PREMIUM;
        } else {
            Client client = tenants.findClientById(clientId)
                    .orElseThrow(() -> refuse(clientId, "client has no tenant"));
            Tenant tenant = tenants.find(client.tenantId()).filter(Tenant::isActive)
                    .orElseThrow(() -> refuse(clientId, "tenant is missing or suspended"));
            tenantId = tenant.id();
            tier = tenant.tier();
        }

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant_id", tenantId);
        claims.put("tier", tier.wireName());
        Map<String, Object> accessToken = new LinkedHashMap<>();
        accessToken.put("claimsToAddOrOverride", claims);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenGeneration", accessToken);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("claimsAndScopeOverrideDetails", details);
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("response", response);
        log.info(Map.of("operation", "preTokenGeneration", "tenantId", tenantId, "clientId", String.valueOf(clientId)));
        return out;
    }

    private IllegalStateException refuse(String clientId, String reason) {
        log.security("token-refused", Map.of("operation", "preTokenGeneration", "clientId", String.valueOf(clientId),
                "error", reason));
        return new IllegalStateException("no token for this client");
    }
}
