package io.atrium.local.stack;

import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.sqs.SqsServer;
import io.atrium.local.streams.MappingSettings;
import io.atrium.local.streams.StreamEventSource;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code DynamoDB} events: the table's stream polled into the function ({@link StreamEventSource}, ADR 0106). The
 * stream is found by the table name in its ARN (DynamoDB Local's ARNs are not AWS's); every property Lambda's
 * mapping has for DynamoDB streams is checked here, and one the runtime cannot run stops the start with its line.
 */
final class DynamoDbEvents implements FunctionEvents {

    private static final Set<String> PROPERTIES = Set.of("Stream", "StartingPosition", "BatchSize",
            "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
            "BisectBatchOnFunctionError", "FunctionResponseTypes", "DestinationConfig", "Enabled",
            "ParallelizationFactor");

    @Override
    public String type() {
        return "DynamoDB";
    }

    @Override
    public void bind(StackBuild build, String functionId, LocalFunction function, MapNode event) {
        MapNode props = event.require("Properties").asMap();
        for (var p : props.entries().entrySet()) {
            if (!PROPERTIES.contains(p.getKey())) {
                throw p.getValue().error("DynamoDB event property '" + p.getKey() + "' is not emulated by the local runtime");
            }
        }
        MappingSettings settings = settings(props);
        Consumer<String> onFailure = onFailure(build, props);
        if (props.has("ParallelizationFactor") && props.get("ParallelizationFactor").asInt() != 1) {
            throw props.get("ParallelizationFactor").error("only ParallelizationFactor 1 is emulated");
        }
        if (props.has("Enabled") && !props.get("Enabled").asBoolean()) {
            return; // a disabled mapping reads nothing, as in Lambda
        }
        Node streamNode = props.require("Stream");
        String eventSourceArn = streamNode.asText();
        String streamArn = localStream(build, streamNode, tableOf(streamNode));
        DynamoDbStreamsClient client = DynamoDbLocal.newStreamsClient(build.dynamoDbEndpoint);
        String name = build.definition.name() + "/" + functionId + " <- " + tableOf(streamNode) + " stream";
        String source = "stream:" + build.registry.tableKey(tableOf(streamNode));
        EventInvoker invoker = new EventInvoker(function, build.registry.telemetry(), build.definition.name(), source);
        build.eventSource(new StreamEventSource(name, new StreamEventSource.Stream(client, streamArn, eventSourceArn,
                build.region), settings, new StreamEventSource.Target(invoker, build.resources.functionArn(functionId),
                onFailure, System.err)));
    }

    private static MappingSettings settings(MapNode props) {
        Node position = props.require("StartingPosition");
        if (!Set.of("TRIM_HORIZON", "LATEST").contains(position.asText())) {
            throw position.error("StartingPosition of a DynamoDB stream must be TRIM_HORIZON or LATEST");
        }
        int batchSize = bounded(props, "BatchSize", 100, 1, 10_000);
        int window = bounded(props, "MaximumBatchingWindowInSeconds", 0, 0, 300);
        int retries = bounded(props, "MaximumRetryAttempts", -1, -1, 10_000);
        int maxAge = bounded(props, "MaximumRecordAgeInSeconds", -1, -1, 604_800);
        if (maxAge >= 0 && maxAge < 60) {
            throw props.get("MaximumRecordAgeInSeconds").error("MaximumRecordAgeInSeconds must be -1 or 60 to 604800");
        }
        boolean bisect = props.has("BisectBatchOnFunctionError") && props.get("BisectBatchOnFunctionError").asBoolean();
        boolean report = false;
        Node types = props.get("FunctionResponseTypes");
        if (types != null) {
            for (Node t : types.asList()) {
                if (!t.asText().equals("ReportBatchItemFailures")) {
                    throw t.error("FunctionResponseTypes may only hold ReportBatchItemFailures");
                }
                report = true;
            }
        }
        return new MappingSettings(batchSize, window * 1000L, retries, maxAge, bisect, report,
                position.asText().equals("LATEST"));
    }

    private static int bounded(MapNode props, String key, int fallback, int min, int max) {
        Node node = props.get(key);
        if (node == null) {
            return fallback;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw node.error(key + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** The on-failure destination: an SQS queue a started stack runs; null when none is declared. */
    private static Consumer<String> onFailure(StackBuild build, MapNode props) {
        Node config = props.get("DestinationConfig");
        if (config == null) {
            return null;
        }
        for (var k : config.asMap().entries().entrySet()) {
            if (!k.getKey().equals("OnFailure")) {
                throw k.getValue().error("DestinationConfig." + k.getKey() + " is not emulated (streams have OnFailure only)");
            }
        }
        MapNode onFailure = config.asMap().require("OnFailure").asMap();
        Node type = onFailure.get("Type");
        if (type != null && !type.asText().equals("SQS")) {
            throw type.error("only an SQS on-failure destination is emulated (Type: " + type.asText() + ")");
        }
        Node destination = onFailure.require("Destination");
        SqsServer sqs = build.registry.sqs();
        String url = sqs == null ? null : sqs.urlByArn(destination.asText());
        if (url == null) {
            throw destination.error("on-failure destination " + destination.asText()
                    + " is not an SQS queue the local runtime runs");
        }
        return body -> sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(body));
    }

    /** The table in a stream ARN ({@code arn:aws:dynamodb:...:table/{name}/stream/{label}}). */
    private static String tableOf(Node stream) {
        String arn = stream.asText();
        int table = arn.indexOf(":table/");
        int label = arn.indexOf("/stream/");
        if (!arn.startsWith("arn:") || table < 0 || label < table) {
            throw stream.error("Stream must be a DynamoDB stream ARN (arn:...:table/NAME/stream/LABEL), not " + arn);
        }
        return arn.substring(table + ":table/".length(), label);
    }

    /** The stream DynamoDB Local keeps for the table. */
    private static String localStream(StackBuild build, Node at, String table) {
        String arn;
        try {
            arn = build.dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        } catch (ResourceNotFoundException e) {
            throw at.error("the stream's table " + table + " is not created by any started stack");
        }
        if (arn == null) {
            throw at.error("table " + table + " has no stream: give it a StreamSpecification");
        }
        return arn;
    }
}
