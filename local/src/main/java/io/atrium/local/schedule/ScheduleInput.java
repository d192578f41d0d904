package io.atrium.local.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a schedule hands its Lambda target: its {@code Input} (JSON; Scheduler's context attributes such as
 * {@code <aws.scheduler.scheduled-time>} filled in), or without one the notification EventBridge sends
 * ({@code "detail-type": "Scheduled Event"}, source {@code aws.events} for a rule, {@code aws.scheduler} for a
 * Scheduler schedule).
 */
public final class ScheduleInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduleInput() {
    }

    /** The input as JSON values (maps, lists, strings, numbers), or an error naming why it is not JSON. */
    static Object of(String input, String scheduleArn, boolean scheduler, ZonedDateTime scheduledTime) {
        String time = DateTimeFormatter.ISO_INSTANT.format(scheduledTime.truncatedTo(ChronoUnit.SECONDS));
        if (input == null) {
            return notification(scheduleArn, scheduler, time);
        }
        String text = !scheduler ? input : input.replace("<aws.scheduler.schedule-arn>", scheduleArn)
                .replace("<aws.scheduler.scheduled-time>", time)
                .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                .replace("<aws.scheduler.attempt-number>", "1");
        return parse(text);
    }

    /** {@code text} as JSON values; IllegalArgumentException when it is not JSON (a Lambda target needs JSON). */
    public static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the input of a Lambda target must be JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> notification(String scheduleArn, boolean scheduler, String time) {
        String[] arn = scheduleArn.split(":");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", scheduler ? "aws.scheduler" : "aws.events");
        event.put("account", arn[4]);
        event.put("time", time);
        event.put("region", arn[3]);
        event.put("resources", List.of(scheduleArn));
        event.put("detail", scheduler ? "{}" : Map.of());
        return event;
    }
}
