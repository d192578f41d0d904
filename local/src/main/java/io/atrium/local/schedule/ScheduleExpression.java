package io.atrium.local.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge / EventBridge Scheduler schedule expression: {@code cron(fields)} in AWS's six-field dialect
 * (minutes hours day-of-month month day-of-week year, one of the two day fields {@code ?}), {@code rate(n unit)}
 * (the unit singular for 1) or, for Scheduler, {@code at(yyyy-mm-ddThh:mm:ss)}, evaluated in a time zone.
 */
public final class ScheduleExpression {

    /** AWS's cron: no seconds, a year field, L W # ?, day-of-week 1-7 from Sunday (cron-utils parses it). */
    private static final CronDefinition AWS_CRON = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL()
            .supportsQuestionMark().and()
            .withYear().withValidRange(1970, 2199).and()
            .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
            .instance();
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minutes?|hours?|days?)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    private final String text;
    private final ExecutionTime cron;
    private final Duration rate;
    private final LocalDateTime at;
    private final ZoneId zone;

    private ScheduleExpression(String text, ExecutionTime cron, Duration rate, LocalDateTime at, ZoneId zone) {
        this.text = text;
        this.cron = cron;
        this.rate = rate;
        this.at = at;
        this.zone = zone;
    }

    /**
     * Parses {@code text} evaluated in {@code zone}.
     *
     * @param allowAt whether one-time {@code at(...)} schedules are allowed (Scheduler's, not EventBridge rules')
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ScheduleExpression parse(String text, ZoneId zone, boolean allowAt) {
        Matcher m = RATE.matcher(text);
        if (m.matches()) {
            return new ScheduleExpression(text, null, rate(m.group(1), m.group(2)), null, zone);
        }
        m = CRON.matcher(text);
        if (m.matches()) {
            Cron cron = new CronParser(AWS_CRON).parse(m.group(1).trim()).validate();
            return new ScheduleExpression(text, ExecutionTime.forCron(cron), null, null, zone);
        }
        m = AT.matcher(text);
        if (allowAt && m.matches()) {
            try {
                return new ScheduleExpression(text, null, null, LocalDateTime.parse(m.group(1)), zone);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date and time: " + m.group(1), e);
            }
        }
        throw new IllegalArgumentException("a schedule expression is cron(...), rate(...)"
                + (allowAt ? " or at(...)" : "") + ", not " + text);
    }

    private static Duration rate(String value, String unit) {
        long n = Long.parseLong(value);
        if (n < 1) {
            throw new IllegalArgumentException("a rate is a positive number, not " + value);
        }
        if ((n == 1) == unit.endsWith("s")) {
            throw new IllegalArgumentException("rate(" + value + " " + unit + "): the unit is singular for 1 only");
        }
        return switch (unit.replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(n);
            case "hour" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * The first run strictly after {@code after}; a rate counts from {@code createdAt} (as a schedule created then).
     * Empty when there is none (an {@code at} in the past, a cron whose years have passed).
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZonedDateTime createdAt) {
        ZonedDateTime t = after.withZoneSameInstant(zone);
        if (cron != null) {
            return cron.nextExecution(t);
        }
        if (rate != null) {
            long periods = Duration.between(createdAt, t).toMillis() / rate.toMillis() + 1;
            return Optional.of(createdAt.plus(rate.multipliedBy(Math.max(1, periods))));
        }
        ZonedDateTime once = at.atZone(zone);
        return once.isAfter(t) ? Optional.of(once) : Optional.empty();
    }

    @Override
    public String toString() {
        return text + (zone.getId().equals("UTC") ? "" : " " + zone.getId());
    }
}
