package io.atrium.authz;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.atrium.authz.cognito.CognitoAppClients;
import io.atrium.authz.cognito.CognitoClients;
import io.atrium.authz.service.AppClients;
import io.atrium.authz.service.AuthorizerService;
import io.atrium.authz.service.CallerStanding;
import io.atrium.authz.service.TenantService;
import io.atrium.authz.token.AccessTokenVerifier;
import io.atrium.authz.token.IssuerKeys;
import io.atrium.authz.token.VerifierPriming;
import io.atrium.shared.Platform;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.repository.dynamodb.DynamoDbTenantRepository;
import io.atrium.shared.snapstart.PrimingIds;
import io.atrium.shared.snapstart.SnapStart;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The authz functions' object graphs, each built once per container on first use (and snapshotted by
 * SnapStart). Each function touches only its own holder, so it needs only its own settings.
 */
public final class AuthzWiring {
    private AuthzWiring() {
    }

    /** The tenant admin API for reading and changing tenants (GET/PATCH /tenants): no Cognito needed. */
    public static TenantService tenants() {
        return TenantsHolder.SERVICE;
    }

    /**
     * The tenant admin API for onboarding (POST /tenants): its Cognito client is built here, at init (and so in the
     * SnapStart snapshot), not inside the first request's time budget.
     */
    public static TenantService onboarding() {
        return OnboardingHolder.SERVICE;
    }

    /** The Lambda authorizer every business API uses. */
    public static AuthorizerService authorizer() {
        return AuthorizerHolder.SERVICE;
    }

    /** The pre-token-generation trigger's view of tenants and clients. */
    public static TenantRepository tenantRepository() {
        return Storage.TENANTS;
    }

    private static final class Storage {
        static final TenantRepository TENANTS = new DynamoDbTenantRepository(Platform.dynamoDb(), Platform.enhanced(),
                Platform.table("TENANT_TABLE"));
    }

    private static final class TenantsHolder {
        // Only onboarding creates app clients, so only CreateTenant needs USER_POOL_ID and Cognito.
        static final TenantService SERVICE = new TenantService(Storage.TENANTS, new AppClients() {
            @Override
            public IssuedClient create(String name, List<String> scopes) {
                return CognitoHolder.CLIENTS.create(name, scopes);
            }

            @Override
            public void delete(String clientId) {
                CognitoHolder.CLIENTS.delete(clientId);
            }
        }, Platform.clock());
    }

    private static final class OnboardingHolder {
        static final TenantService SERVICE = new TenantService(Storage.TENANTS, CognitoHolder.CLIENTS, Platform.clock());
    }

    private static final class CognitoHolder {
        static final AppClients CLIENTS = new CognitoAppClients(CognitoClients.cognito(Platform.config()),
                Platform.config().require("USER_POOL_ID"));
    }

    private static final class AuthorizerHolder {
        static final String ISSUER = Platform.config().require("ISSUER");
        static final JWKSource<SecurityContext> ISSUER_KEYS = IssuerKeys.fromUrl(URI.create(Platform.config().require("JWKS_URL")));
        static final CallerStanding STANDING = new CallerStanding(Storage.TENANTS, Platform.clock());
        static final AccessTokenVerifier VERIFIER = new AccessTokenVerifier(ISSUER, ISSUER_KEYS, Platform.clock());
        static final AuthorizerService SERVICE = new AuthorizerService(
                VERIFIER,
                STANDING,
                Map.of(Tier.BASIC, Platform.config().require("BASIC_API_KEY"),
                        Tier.STANDARD, Platform.config().require("STANDARD_API_KEY"),
                        Tier.PREMIUM, Platform.config().require("PREMIUM_API_KEY")),
                Platform.config().require("ADMIN_CLIENT_ID"));

        static {
            // before the SnapStart snapshot (ADR 0016): the verification path and the caller's standing, read for
            // a client no tenant has (nothing found, nothing written), and a tenant's and a client's items converted
            SnapStart.prime("authorizer", () -> {
                new VerifierPriming(ISSUER, ISSUER_KEYS, VERIFIER, Platform.clock()).run();
                STANDING.tierOf(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID);
                DynamoDbTenantRepository.primeConversion(Platform.clock().instant());
            });
        }
    }
}
