package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.error.PreconditionRequiredException;
import io.atrium.shared.error.ValidationException;
import org.junit.jupiter.api.Test;

class EtagsAndIdsTest {

    @Test
    void ifMatchCarriesTheVersion() {
        assertEquals(3, ETags.expectedVersion(ETags.of(3)));
        assertEquals(7, ETags.expectedVersion("7"));
        assertThrows(PreconditionRequiredException.class, () -> ETags.expectedVersion(null));
        assertThrows(PreconditionRequiredException.class, () -> ETags.expectedVersion(" "));
        assertThrows(PreconditionFailedException.class, () -> ETags.expectedVersion("*"));
        assertThrows(PreconditionFailedException.class, () -> ETags.expectedVersion("W/\"3\""));
        assertThrows(PreconditionFailedException.class, () -> ETags.expectedVersion("\"0\""));
    }

    @Test
    void idsAreUrlSafeAndClientIdsAreChecked() {
        String id = Ids.newId("par");
        assertTrue(Ids.isValid(id), id);
        assertFalse(Ids.isValid("a#b"));
        assertFalse(Ids.isValid("../x"));
        assertFalse(Ids.isValid("x".repeat(65)));
        ValidationException error = assertThrows(ValidationException.class, () -> Ids.require("partnerId", "TENANT#x"));
        assertEquals("partnerId", error.errors().get(0).field());
    }
}
