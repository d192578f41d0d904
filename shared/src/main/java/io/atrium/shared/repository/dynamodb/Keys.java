package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.api.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds every storage key from a tenant id and validated ids; nothing else makes keys. */
public final class Keys {
    /** Always nine fraction digits: {@code Instant.toString()} writes 0, 3, 6 or 9, which do not sort as times. */
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

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

    /**
     * {@code 2026-01-01T00:00:00.000000000Z#id}: newest-first ordering in list indexes. Fixed width, so the strings
     * sort as the times do (an earlier time never sorts after a later one, whatever their precision), for every time
     * with a four-digit year (1970 to 9999; ISO-8601 writes year 10000 on as {@code +10000}, which no clock here reaches).
     */
    public static String created(Instant createdAt, String id) {
        return CREATED.format(createdAt) + "#" + id;
    }
}
