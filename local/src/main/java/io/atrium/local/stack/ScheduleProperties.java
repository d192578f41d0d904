package io.atrium.local.stack;

import io.atrium.local.schedule.LocalSchedule;
import io.atrium.local.schedule.ScheduleExpression;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a schedule declares (a function's {@code Schedule}/{@code ScheduleV2} event or an
 * {@code AWS::Scheduler::Schedule}) into a {@link LocalSchedule.Definition}: expression, time zone, state, start and
 * end dates, input. A value the runtime cannot evaluate stops the start naming template and line.
 */
final class ScheduleProperties {

    private ScheduleProperties() {
    }

    /** Fails naming the first property of {@code props} not in {@code known}. */
    static void onlyKnown(MapNode props, Set<String> known, String what) {
        for (Map.Entry<String, Node> p : props.entries().entrySet()) {
            if (!known.contains(p.getKey())) {
                throw p.getValue().error(what + " property " + p.getKey() + " is not emulated by the local runtime");
            }
        }
    }

    /**
     * The definition from {@code props}.
     *
     * @param expressionKey {@code Schedule} for an EventBridge rule event, {@code ScheduleExpression} otherwise
     * @param input the input node (may be null)
     */
    static LocalSchedule.Definition definition(String key, String arn, MapNode props, String expressionKey, Node input,
            boolean scheduler) {
        Node zoneNode = props.get("ScheduleExpressionTimezone");
        ZoneId zone = zoneNode == null ? ZoneId.of("UTC") : parse(zoneNode, () -> ZoneId.of(zoneNode.asText()));
        Node expression = props.require(expressionKey);
        ScheduleExpression parsed = parse(expression, () -> ScheduleExpression.parse(expression.asText(), zone, scheduler));
        if (input != null) {
            parse(input, () -> io.atrium.local.schedule.ScheduleInput.parse(input.asText()));
        }
        return new LocalSchedule.Definition(key, arn, parsed, enabled(props), date(props.get("StartDate")),
                date(props.get("EndDate")), input == null ? null : input.asText(), scheduler);
    }

    private static boolean enabled(MapNode props) {
        Node state = props.get("State");
        if (state != null && !Set.of("ENABLED", "DISABLED").contains(state.asText())) {
            throw state.error("State is ENABLED or DISABLED, not " + state.asText());
        }
        Node enabled = props.get("Enabled");
        return state != null ? state.asText().equals("ENABLED") : enabled == null || enabled.asText().equals("true");
    }

    private static ZonedDateTime date(Node node) {
        return node == null ? null : parse(node, () -> OffsetDateTime.parse(node.asText()).toZonedDateTime());
    }

    private static <T> T parse(Node node, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw node.error(e.getMessage());
        }
    }
}
