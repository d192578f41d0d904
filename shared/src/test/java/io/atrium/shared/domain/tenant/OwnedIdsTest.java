package io.atrium.shared.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.Ids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnedIdsTest {
    private final OwnedIds ids = new OwnedIds("a-pagination-key-of-enough-length");
    private final String tenant = OwnedIds.newTenantId();

    @Test
    void anOwnedIdIsAValidOpaqueIdThatNamesItsTenant() {
        String id = ids.newId("par", tenant);

        assertTrue(Ids.isValid(id), id);
        assertTrue(id.startsWith("par_") && id.length() == 58, id);
        assertTrue(!id.contains(tenant.substring(4)), "the tenant must not be readable from the id");
        assertEquals(Optional.of(tenant), ids.ownerOf(id));
        assertNotEquals(id, ids.newId("par", tenant));
    }

    @Test
    void aChangedForeignOrKeylessIdHasNoOwner() {
        String id = ids.newId("par", tenant);
        // the first sealed character carries six bits of the nonce; the last one carries unused padding bits too
        char first = id.charAt(4);

        assertEquals(Optional.empty(), ids.ownerOf(id.substring(0, 4) + (first == 'A' ? 'B' : 'A') + id.substring(5)));
        assertEquals(Optional.empty(), ids.ownerOf("con" + id.substring(3)), "the prefix is bound to the id");
        assertEquals(Optional.empty(), new OwnedIds("another-key-of-enough-length").ownerOf(id));
        assertEquals(Optional.empty(), ids.ownerOf(Ids.newId("par")));
        assertEquals(Optional.empty(), new OwnedIds(null).ownerOf(id));
        assertTrue(Ids.isValid(new OwnedIds(null).newId("par", tenant)));
        assertTrue(Ids.isValid(ids.newId("par", "platform")), "a non-canonical tenant gets a plain id");
    }

    @Test
    void aCrossTenantAttemptNamesBothTenants() {
        String other = OwnedIds.newTenantId();
        String id = ids.newId("par", tenant);

        Map<String, Object> fields = CrossTenantAccess.detect(ids, other, List.of("x", id)).orElseThrow();
        assertEquals(other, fields.get("tenantId"));
        assertEquals(tenant, fields.get("ownerTenantId"));
        assertEquals(id, fields.get("resourceId"));
        assertEquals(Optional.empty(), CrossTenantAccess.detect(ids, tenant, List.of(id)), "the owner's own 404 is no attack");
    }
}
