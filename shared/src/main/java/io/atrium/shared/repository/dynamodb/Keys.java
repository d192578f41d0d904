package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.api.Ids;

/** Builds every storage key from a tenant id and validated ids; nothing else makes keys. */
public final class Keys {
    private Keys() {
    }

    public static String tenantPrefix(String tenantId) {
        if (!Ids.isValid(tenantId)) {
            throw new IllegalArgumentException("tenant id is not valid");
        }
        return "TENANT#" + tenantId + "#";
    }

    /** {@code TENANT#t#PARTNER#p}: the key of one entity. */
    public static String entity(String tenantId, String type, String id) {
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException(type + " id is not valid");
        }
        return tenantPrefix(tenantId) + type + "#" + id;
    }

    /** {@code TENANT#t#PARTNERS}: the byTenant partition of one entity type. */
    public static String collection(String tenantId, String collection) {
        return tenantPrefix(tenantId) + collection;
    }

    /** {@code TENANT#t#PARTNERS#STATUS#ACTIVE}: the byStatus partition. */
    public static String byStatus(String tenantId, String collection, String status) {
        return tenantPrefix(tenantId) + collection + "#STATUS#" + status;
    }

    /** {@code 2026-01-01T00:00:00Z#id}: newest-first ordering in list indexes. */
    public static String created(java.time.Instant createdAt, String id) {
        return createdAt.toString() + "#" + id;
    }
}
