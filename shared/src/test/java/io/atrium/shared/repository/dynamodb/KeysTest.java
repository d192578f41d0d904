package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** List indexes order by {@link Keys#created}: its strings must sort exactly as the times do. */
class KeysTest {

    private static final String ID = "prd_0123456789abcdefABCDEF";

    /** Both times with a four-digit year: the later one is at most 2 s after the earlier, the last second of 9999. */
    @Property
    void createdKeysSortAsTheirTimes(@ForAll @LongRange(min = 0, max = 253_402_300_797L) long secondsA,
                                     @ForAll @LongRange(min = 0, max = 999_999_999) long nanosA,
                                     @ForAll @LongRange(min = 0, max = 2_000_000_000L) long laterByNanos) {
        Instant a = Instant.ofEpochSecond(secondsA, nanosA);
        Instant b = a.plusNanos(laterByNanos);
        int order = Keys.created(a, ID).compareTo(Keys.created(b, ID));
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(order), a + " vs " + b);
    }

    @Test
    void aTimeOnAWholeMillisecondSortsBeforeALaterMicrosecond() {
        // Instant.toString() writes these as ...00.123Z and ...00.123400Z, which sort the wrong way round.
        Instant onTheMillisecond = Instant.parse("2026-12-01T19:00:00.123Z");
        Instant later = Instant.parse("2026-12-01T19:00:00.123400Z");
        assertTrue(Keys.created(onTheMillisecond, ID).compareTo(Keys.created(later, ID)) < 0);
        assertEquals("2026-12-01T19:00:00.123000000Z#" + ID, Keys.created(onTheMillisecond, ID));
    }
}
