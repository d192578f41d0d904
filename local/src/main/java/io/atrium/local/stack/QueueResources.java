package io.atrium.local.stack;

import io.atrium.local.sqs.SqsServer;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ScalarNode;
import io.atrium.local.template.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS queues, created in the account's {@link SqsServer} with the attributes the template declares. Every queue is
 * created first and its redrive policy set after, so a DLQ declared below its source queue exists in time. A
 * property that would change what a client sees and is not emulated stops the start.
 */
final class QueueResources implements ResourceProvisioner {

    /** Template properties that are SQS queue attributes of the same name. */
    private static final Map<String, QueueAttributeName> ATTRIBUTES = Map.of(
            "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
            "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
            "FifoQueue", QueueAttributeName.FIFO_QUEUE,
            "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);

    /**
     * ElasticMQ keeps a message until it is deleted or the runtime stops: a retention period of a day or more
     * (longer than a local session) is accepted, a shorter one would drop messages the runtime keeps, so it stops
     * the start.
     */
    private static final int SHORTEST_RETENTION_SECONDS = 86_400;

    /** Accepted without a local effect: encryption at rest and tags. */
    private static final Set<String> NO_LOCAL_EFFECT = Set.of("QueueName", "SqsManagedSseEnabled", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "Tags");

    @Override
    public List<String> types() {
        return List.of("AWS::SQS::Queue");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        SqsServer sqs = build.registry.sqs();
        if (sqs == null) {
            throw resource.typeNode().error("no local SQS runs, so AWS::SQS::Queue cannot start");
        }
        String name = build.physicalName(resource, "QueueName");
        Node fifo = Template.properties(resource.node()).get("FifoQueue");
        if (fifo != null && fifo.asText().equals("true") && !name.endsWith(".fifo")) {
            name = name + ".fifo";
        }
        build.resources.queue(resource.logicalId(), name, sqs.url(name), sqs.arn(name));
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        SqsServer sqs = build.registry.sqs();
        Map<String, String> redrives = new LinkedHashMap<>();
        for (Resource resource : resources) {
            MapNode props = build.resolver.resolvedProperties(resource.logicalId());
            String url = sqs.create(build.definition.name() + "/" + resource.logicalId(),
                    build.resources.queueName(resource.logicalId()), attributes(props));
            Node redrive = props.get("RedrivePolicy");
            if (redrive != null) {
                redrives.put(url, redrivePolicy(redrive));
            }
        }
        redrives.forEach((url, policy) -> sqs.attributes(url, Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
    }

    private static Map<QueueAttributeName, String> attributes(MapNode props) {
        Map<QueueAttributeName, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> p : props.entries().entrySet()) {
            QueueAttributeName attribute = ATTRIBUTES.get(p.getKey());
            if (attribute != null) {
                out.put(attribute, p.getValue().asText());
            } else if (p.getKey().equals("MessageRetentionPeriod")) {
                if (p.getValue().asInt() < SHORTEST_RETENTION_SECONDS) {
                    throw p.getValue().error("a MessageRetentionPeriod under " + SHORTEST_RETENTION_SECONDS
                            + " s is not emulated: the local SQS keeps messages until the runtime stops");
                }
            } else if (!NO_LOCAL_EFFECT.contains(p.getKey()) && !p.getKey().equals("RedrivePolicy")) {
                throw p.getValue().error("queue property " + p.getKey() + " is not emulated by the local runtime");
            }
        }
        return out;
    }

    /** The policy as SQS takes it: JSON text with {@code deadLetterTargetArn} and {@code maxReceiveCount}. */
    private static String redrivePolicy(Node policy) {
        if (policy instanceof ScalarNode text) {
            return text.text();
        }
        MapNode map = policy.asMap();
        String arn = map.require("deadLetterTargetArn").asText();
        int maxReceiveCount = map.require("maxReceiveCount").asInt();
        return "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }
}
