package io.atrium.local.stack;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.schedule.LocalSchedule;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.util.List;
import java.util.Set;

/**
 * {@code AWS::Scheduler::Schedule} with a Lambda target (a function of a started stack): a {@link LocalSchedule}.
 * Other targets stop the start; retry policy, DLQ, role, flexible window and key change nothing here.
 */
final class SchedulerResources implements ResourceProvisioner {

    private static final Set<String> KNOWN = Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "State",
            "StartDate", "EndDate", "FlexibleTimeWindow", "GroupName", "Name", "Description", "KmsKeyArn",
            "ActionAfterCompletion", "Target");
    private static final Set<String> TARGET = Set.of("Arn", "RoleArn", "Input", "RetryPolicy", "DeadLetterConfig");

    @Override
    public List<String> types() {
        return List.of("AWS::Scheduler::Schedule");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        build.resources.name(resource.logicalId(), build.physicalName(resource, "Name"));
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        for (Resource resource : resources) {
            MapNode props = build.resolver.resolvedProperties(resource.logicalId());
            ScheduleProperties.onlyKnown(props, KNOWN, "schedule");
            MapNode target = props.require("Target").asMap();
            ScheduleProperties.onlyKnown(target, TARGET, "schedule target");
            Node targetArn = target.require("Arn");
            LocalFunction function = build.registry.functionByArn(targetArn.asText());
            if (function == null) {
                throw targetArn.error("only Lambda targets are emulated: " + targetArn.asText()
                        + " is not a function of a started stack");
            }
            String key = build.definition.name() + "/" + resource.logicalId();
            String arn = (String) build.resources.getAtt(resource.logicalId(), resource.type(), resource.node(), "Arn");
            LocalSchedule.Definition definition = ScheduleProperties.definition(key, arn, props, "ScheduleExpression",
                    target.get("Input"), true);
            LocalSchedule schedule = new LocalSchedule(definition, LocalSchedule.Target.of(
                    new EventInvoker(function, build.registry.telemetry(), build.definition.name(), "schedule:" + key)), System.err);
            build.eventSource(schedule);
            build.registry.schedule(key, schedule);
        }
    }
}
