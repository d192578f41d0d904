package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.LocalRuntime;
import io.atrium.local.stack.EventSource;
import io.atrium.local.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A function's {@code DynamoDB} event runs from the template: the table's stream feeds the function while the
 * runtime runs; what the runtime cannot run stops the start naming template and line.
 */
class StreamEventsTest {

    @Test
    void theTablesStreamFeedsTheFunction() throws Exception {
        Path root = FixtureRoot.build("fixture-streams", List.of("streams"));
        Path recorded = Path.of("target/fixture-streams/recorded.txt");
        Files.deleteIfExists(recorded);
        try (LocalRuntime runtime = LocalRuntime.start(options(root))) {
            List<EventSource> sources = runtime.stacks().get(0).eventSources();
            assertEquals(List.of("streams/Recorder <- " + runtime.tableName("SourceTable") + " stream"),
                    sources.stream().map(EventSource::name).toList());
            for (String[] record : new String[][] {{"first", "ok"}, {"poison", "throw"}, {"last", "ok"}}) {
                runtime.dynamoDb().putItem(r -> r.tableName(runtime.tableName("SourceTable"))
                        .item(Map.of("pk", AttributeValue.fromS(record[0]), "mode", AttributeValue.fromS(record[1]))));
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (!(Files.exists(recorded) && Files.readAllLines(recorded).containsAll(List.of("done first", "done last")))) {
                assertTrue(System.currentTimeMillis() < deadline, "the records did not reach the function within 20 s");
                Thread.sleep(50);
            }
            var sqs = runtime.registry().sqs();
            String queue = sqs.queues().get("streams/FailureQueue");
            List<software.amazon.awssdk.services.sqs.model.Message> failed = List.of();
            while (failed.isEmpty()) {
                assertTrue(System.currentTimeMillis() < deadline, "nothing reached the on-failure destination within 20 s");
                failed = sqs.client().receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages();
            }
            assertTrue(failed.get(0).body().contains("\"DDBStreamBatchInfo\""), failed.get(0).body());
            assertTrue(failed.get(0).body().contains("\"batchSize\":1"), failed.get(0).body());
        }
    }

    @Test
    void aPropertyTheRuntimeCannotRunStopsTheStart() throws Exception {
        TemplateException e = refused("            FunctionResponseTypes: [ReportBatchItemFailures]\n",
                "            FilterCriteria: {Filters: [{Pattern: '{}'}]}\n");
        assertEquals("streams/template.yaml:31: Resources.Recorder.Properties.Events.Changes.Properties.FilterCriteria:"
                + " DynamoDB event property 'FilterCriteria' is not emulated by the local runtime", e.getMessage());
    }

    @Test
    void aTableWithoutStreamAndADestinationNoQueueRunsAreRefused() throws Exception {
        TemplateException noStream = refused("      StreamSpecification: {StreamViewType: NEW_IMAGE}\n", "");
        assertTrue(noStream.getMessage().startsWith("streams/template.yaml:25: Resources.Recorder.Properties.Events.Changes"
                + ".Properties.Stream: "), noStream.getMessage());
        TemplateException noTable = refused("!GetAtt SourceTable.StreamArn",
                "arn:aws:dynamodb:eu-west-1:123456789012:table/NoSuchTable/stream/2026-01-01T00:00:00.000");
        assertTrue(noTable.getMessage().endsWith("the stream's table NoSuchTable is not created by any started stack"),
                noTable.getMessage());
        TemplateException noQueue = refused("Destination: !GetAtt FailureQueue.Arn",
                "Destination: arn:aws:sqs:eu-west-1:123456789012:nowhere");
        assertEquals("streams/template.yaml:35: Resources.Recorder.Properties.Events.Changes.Properties.DestinationConfig"
                + ".OnFailure.Destination: on-failure destination arn:aws:sqs:eu-west-1:123456789012:nowhere is not an SQS"
                + " queue the local runtime runs", noQueue.getMessage());
        TemplateException sns = refused("Type: SQS", "Type: SNS");
        assertTrue(sns.getMessage().endsWith("only an SQS on-failure destination is emulated (Type: SNS)"), sns.getMessage());
        TemplateException position = refused("StartingPosition: TRIM_HORIZON", "StartingPosition: AT_TIMESTAMP");
        assertTrue(position.getMessage().contains("StartingPosition of a DynamoDB stream must be TRIM_HORIZON or LATEST"),
                position.getMessage());
    }

    /** Runtimes of this JVM share DynamoDB Local: each gets tables of its own. */
    private static LocalRuntime.Options options(Path root) {
        return new LocalRuntime.Options().root(root).warmUp(false).tablePrefix("s" + System.nanoTime() + "-");
    }

    private static TemplateException refused(String line, String replacement) throws Exception {
        Path root = FixtureRoot.build("fixture-streams-refused", List.of("streams"));
        Path template = root.resolve("streams/template.yaml");
        String text = Files.readString(template);
        assertTrue(text.contains(line), line);
        Files.writeString(template, text.replace(line, replacement));
        return assertThrows(TemplateException.class,
                () -> LocalRuntime.start(options(root)));
    }
}
