package io.atrium.local.stack;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.sqs.SqsEventSource;
import io.atrium.local.sqs.SqsServer;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code SQS} events: a poller of the queue ({@link SqsEventSource}) invoking the function. The queue is one a
 * started stack created (matched by ARN). Filters are not emulated and stop the start; {@code ScalingConfig} and
 * {@code MetricsConfig} change nothing a client sees here (one poller per mapping).
 */
final class SqsEvents implements FunctionEvents {

    private static final Set<String> KNOWN = Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds",
            "FunctionResponseTypes", "Enabled", "ScalingConfig", "MetricsConfig");

    @Override
    public String type() {
        return "SQS";
    }

    @Override
    public void bind(StackBuild build, String functionId, LocalFunction function, MapNode event) {
        MapNode props = event.require("Properties").asMap();
        for (Map.Entry<String, Node> p : props.entries().entrySet()) {
            if (!KNOWN.contains(p.getKey())) {
                throw p.getValue().error("SQS event property " + p.getKey() + " is not emulated by the local runtime");
            }
        }
        Node queue = props.require("Queue");
        SqsServer sqs = build.registry.sqs();
        String url = sqs == null ? null : sqs.urlByArn(queue.asText());
        if (url == null) {
            throw queue.error("Queue " + queue.asText() + " is not a queue of a started stack");
        }
        if (props.has("Enabled") && props.get("Enabled").asText().equals("false")) {
            return;
        }
        int batchSize = props.has("BatchSize") ? props.get("BatchSize").asInt() : 10;
        int window = props.has("MaximumBatchingWindowInSeconds")
                ? props.get("MaximumBatchingWindowInSeconds").asInt() : 0;
        boolean report = props.has("FunctionResponseTypes")
                && props.get("FunctionResponseTypes").asList().items().stream()
                        .anyMatch(t -> t.asText().equals("ReportBatchItemFailures"));
        String name = build.definition.name() + "/" + queue.asText().substring(queue.asText().lastIndexOf(':') + 1)
                + " -> " + build.functionNames.get(functionId);
        String source = "sqs:" + sqs.queues().entrySet().stream().filter(q -> q.getValue().equals(url))
                .map(Map.Entry::getKey).findFirst().orElse(queue.asText());
        EventInvoker invoker = new EventInvoker(function, build.registry.telemetry(), build.definition.name(), source);
        build.eventSource(new SqsEventSource(new SqsEventSource.Mapping(name, url, queue.asText(), batchSize,
                Duration.ofSeconds(window), report), sqs.client(), invoker, System.err));
    }
}
