package io.atrium.shared.domain.tenant;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises a request for another tenant's resource after it was answered 404 (ADR 0202): each id the
 * request named is checked for a sealed owner that is not the caller. The answer stays 404; this only
 * decides what the security log says.
 */
public final class CrossTenantAccess {
    public static final String EVENT = "cross-tenant-access";

    private CrossTenantAccess() {
    }

    /**
     * The security event's fields when one of {@code ids} belongs to another tenant: {@code tenantId}
     * (the caller), {@code ownerTenantId} and {@code resourceId}.
     */
    public static Optional<Map<String, Object>> detect(OwnedIds ownedIds, String callerTenantId, Collection<String> ids) {
        for (String id : ids) {
            Optional<String> owner = ownedIds.ownerOf(id);
            if (owner.isPresent() && !Objects.equals(owner.get(), callerTenantId)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("tenantId", callerTenantId);
                fields.put("ownerTenantId", owner.get());
                fields.put("resourceId", id);
                return Optional.of(fields);
            }
        }
        return Optional.empty();
    }
}
