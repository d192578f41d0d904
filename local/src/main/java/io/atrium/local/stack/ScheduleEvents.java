package io.atrium.local.stack;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.schedule.LocalSchedule;
import io.atrium.local.template.MapNode;
import java.util.Set;

/**
 * A function's {@code Schedule} (an EventBridge rule) or {@code ScheduleV2} (an EventBridge Scheduler schedule)
 * event: a {@link LocalSchedule} named as the resource SAM generates, {@code {FunctionId}{EventName}}. Retry policies,
 * dead-letter queues, flexible windows, roles and keys change nothing here: a local run is delivered at once.
 */
final class ScheduleEvents implements FunctionEvents {

    private static final Set<String> RULE = Set.of("Schedule", "Input", "Enabled", "State", "Name", "Description",
            "DeadLetterConfig", "RetryPolicy");
    private static final Set<String> SCHEDULER = Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input",
            "State", "Name", "Description", "StartDate", "EndDate", "FlexibleTimeWindow", "GroupName", "KmsKeyArn",
            "RetryPolicy", "DeadLetterConfig", "RoleArn", "PermissionsBoundary", "OmitName");

    private final String type;
    private final boolean scheduler;

    ScheduleEvents(String type) {
        this.type = type;
        this.scheduler = type.equals("ScheduleV2");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void bind(StackBuild build, String functionId, LocalFunction function, MapNode event) {
        MapNode props = event.require("Properties").asMap();
        ScheduleProperties.onlyKnown(props, scheduler ? SCHEDULER : RULE, type + " event");
        String path = event.location().path();
        String logicalId = functionId + path.substring(path.lastIndexOf('.') + 1);
        String name = props.has("Name") ? props.get("Name").asText() : build.stackName() + "-" + logicalId;
        String arn = scheduler
                ? "arn:aws:scheduler:" + build.region + ":" + build.account + ":schedule/"
                        + (props.has("GroupName") ? props.get("GroupName").asText() : "default") + "/" + name
                : "arn:aws:events:" + build.region + ":" + build.account + ":rule/" + name;
        String key = build.definition.name() + "/" + logicalId;
        LocalSchedule.Definition definition = ScheduleProperties.definition(key, arn, props,
                scheduler ? "ScheduleExpression" : "Schedule", props.get("Input"), scheduler);
        LocalSchedule schedule = new LocalSchedule(definition, LocalSchedule.Target.of(
                new EventInvoker(function, build.registry.telemetry(), build.definition.name(), "schedule:" + key)), System.err);
        build.eventSource(schedule);
        build.registry.schedule(key, schedule);
    }
}
