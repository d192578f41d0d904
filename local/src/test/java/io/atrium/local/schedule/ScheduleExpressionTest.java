package io.atrium.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AWS's schedule expressions as EventBridge and Scheduler evaluate them. */
class ScheduleExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-01T10:07:30Z");

    private static Optional<ZonedDateTime> next(String expression, ZoneId zone) {
        return ScheduleExpression.parse(expression, zone, true).next(NOW, NOW.minusMinutes(2));
    }

    @Test
    void dailyCronRunsAtItsMinuteTheNextDay() {
        assertEquals(ZonedDateTime.parse("2026-12-02T00:15Z"), next("cron(15 0 * * ? *)", UTC).orElseThrow()
                .withZoneSameInstant(ZoneId.of("Z")));
    }

    @Test
    void cronUsesAwsDayOfWeekAndTheDeclaredTimeZone() {
        // 2026-12-01 is a Tuesday; MON-FRI at 09:00 in Berlin (UTC+1) is 08:00Z the next weekday
        ZonedDateTime n = next("cron(0 9 ? * MON-FRI *)", ZoneId.of("Europe/Berlin")).orElseThrow();
        assertEquals(ZonedDateTime.parse("2026-12-02T08:00Z").toInstant(), n.toInstant());
        // day-of-week 1 is Sunday in AWS's dialect
        assertEquals(ZonedDateTime.parse("2026-12-06T12:00Z").toInstant(),
                next("cron(0 12 ? * 1 *)", UTC).orElseThrow().toInstant());
        assertEquals(ZonedDateTime.parse("2026-12-31T18:00Z").toInstant(),
                next("cron(0 18 L * ? *)", UTC).orElseThrow().toInstant());
    }

    @Test
    void aCronWithBothDayFieldsOrFiveFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 9 * * * *)", UTC, true));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 9 * * ?)", UTC, true));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 9 ? * MON-FRI 1960)", UTC, true));
    }

    @Test
    void aRateCountsFromWhenTheScheduleWasCreated() {
        // created 10:05:30, every 5 minutes: 10:10:30 is the next after 10:07:30
        assertEquals(ZonedDateTime.parse("2026-12-01T10:10:30Z"), next("rate(5 minutes)", UTC).orElseThrow());
        assertEquals(ZonedDateTime.parse("2026-12-01T11:05:30Z"), next("rate(1 hour)", UTC).orElseThrow());
    }

    @Test
    void aRateUnitIsSingularForOneOnly() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(1 minutes)", UTC, true));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(5 minute)", UTC, true));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)", UTC, true));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(2 weeks)", UTC, true));
    }

    @Test
    void atRunsOnceInItsZoneAndOnlyForScheduler() {
        assertEquals(ZonedDateTime.parse("2026-12-01T11:00Z").toInstant(),
                next("at(2026-12-01T12:00:00)", ZoneId.of("Europe/Berlin")).orElseThrow().toInstant());
        assertTrue(next("at(2026-12-01T10:00:00)", UTC).isEmpty(), "in the past: never");
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("at(2026-12-01T12:00:00)", UTC, false));
    }
}
