package io.atrium.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A schedule fires on time while it runs, within its dates, and hands its target the declared input. */
class LocalScheduleTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Records what it is invoked with; stands in for the function, which is not what is tested here. */
    private static final class Recorder implements LocalSchedule.Target {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public LocalFunction.Result invoke(Object event, String requestId) {
            events.add(event);
            return new LocalFunction.Result(null, null, null, false, 0);
        }
    }

    private static LocalSchedule.Definition at(ZonedDateTime when, boolean enabled, String input, ZonedDateTime end) {
        String text = "at(" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(when.truncatedTo(ChronoUnit.SECONDS)
                .toLocalDateTime()) + ")";
        return new LocalSchedule.Definition("fx/Once", "arn:aws:scheduler:us-east-1:123456789012:schedule/default/once",
                ScheduleExpression.parse(text, ZoneId.of("UTC"), true), enabled, null, end, input, true);
    }

    @Test
    void aOneTimeScheduleFiresOnTimeWithItsInput() throws Exception {
        Recorder target = new Recorder();
        ZonedDateTime when = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        try (LocalSchedule schedule = new LocalSchedule(at(when, true, "{\"asOf\":\"2026-01-31\"}", null), target, QUIET)) {
            schedule.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (target.events.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(List.of(Map.of("asOf", "2026-01-31")), target.events);
    }

    @Test
    void aDisabledScheduleOrOnePastItsEndDateDoesNotFireButFiresNowOnDemand() throws Exception {
        Recorder target = new Recorder();
        ZonedDateTime when = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        try (LocalSchedule disabled = new LocalSchedule(at(when, false, null, null), target, QUIET);
                LocalSchedule ended = new LocalSchedule(at(when, true, null, when.minusSeconds(30)), target, QUIET)) {
            disabled.start();
            ended.start();
            Thread.sleep(3000);
            assertTrue(target.events.isEmpty(), target.events.toString());
            LocalSchedule.Run run = disabled.fire("{\"asOf\":\"2026-02-01\"}", ZonedDateTime.now(ZoneOffset.UTC));
            assertEquals(Map.of("asOf", "2026-02-01"), run.input());
            Object notification = disabled.fire(null, ZonedDateTime.now(ZoneOffset.UTC)).input();
            assertEquals("Scheduled Event", ((Map<?, ?>) notification).get("detail-type"));
            assertEquals("aws.scheduler", ((Map<?, ?>) notification).get("source"));
        }
        assertEquals(2, target.events.size());
    }
}
