package io.atrium.authz.service;

import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.domain.tenant.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a token's client still belongs to its tenant and the tenant is active, and the tenant's current
 * tier. Answers are kept for {@link #TTL} per container (API Gateway also caches the authorizer's answer per
 * token for 300 s), so a suspension or tier change takes effect within minutes, not per request.
 */
public final class CallerStanding {
    public static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final TenantRepository tenants;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<Tier> tier, Instant expires) {
    }

    public CallerStanding(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The tenant's tier when the client is one of the active tenant's clients; empty otherwise. */
    public Optional<Tier> tierOf(String tenantId, String clientId) {
        String key = tenantId + "\n" + clientId;
        Instant now = clock.instant();
        Entry entry = cache.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.tier();
        }
        Optional<Client> client = tenants.findClient(tenantId, clientId);
        Optional<Tier> tier = client.isEmpty() ? Optional.empty()
                : tenants.find(tenantId).filter(Tenant::isActive).map(Tenant::tier);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(tier, now.plus(TTL)));
        return tier;
    }
}
