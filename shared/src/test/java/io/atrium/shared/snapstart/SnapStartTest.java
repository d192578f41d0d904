package io.atrium.shared.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hooks' rules (ADR 0016): one primer per key, every step runs, a failed step fails the hook after all ran. */
class SnapStartTest {

    @Test
    void primersRunOncePerKeyBeforeTheCheckpointAndRenewalsAfterEachRestore() {
        SnapStart hooks = new SnapStart();
        List<String> ran = new ArrayList<>();
        hooks.addPrimer("table:a", () -> ran.add("a"));
        hooks.addPrimer("table:a", () -> ran.add("a again"));
        hooks.addPrimer(SnapStartTest.class, () -> ran.add("handler"));
        hooks.addRenewal(() -> ran.add("renewed"));

        hooks.beforeCheckpoint(null);
        hooks.afterRestore(null);
        hooks.afterRestore(null);

        assertEquals(List.of("a", "handler", "renewed", "renewed"), ran);
    }

    @Test
    void aFailedPrimerFailsTheCheckpointAfterEveryOtherPrimerRan() {
        SnapStart hooks = new SnapStart();
        List<String> ran = new ArrayList<>();
        hooks.addPrimer("broken", () -> {
            throw new IllegalStateException("no such table");
        });
        hooks.addPrimer("fine", () -> ran.add("fine"));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> hooks.beforeCheckpoint(null));

        assertEquals(List.of("fine"), ran);
        assertTrue(failure.getMessage().contains("no such table"), failure.getMessage());
    }

    @Test
    void restoredCopiesDrawFromANewGenerator() {
        SecureRandom before = Randomness.current();

        Randomness.renew();

        assertNotSame(before, Randomness.current());
    }
}
