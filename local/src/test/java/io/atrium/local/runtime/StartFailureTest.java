package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.LocalRuntime;
import io.atrium.local.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start that cannot be emulated stops before anything serves, naming template, logical id and line. */
class StartFailureTest {

    @Test
    void importWithoutExportNamesTemplateLogicalIdAndLine() {
        Path root = FixtureRoot.build("fixture-broken", List.of("shared", "broken"));
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertEquals("broken/template.yaml:12: Resources.OrphanFunction.Properties.Environment.Variables.TABLE: "
                + "Fn::ImportValue 'fx-shared-NoSuchTableName': no stack exports this name (stacks: broken, shared)",
                e.getMessage());
    }

    @Test
    void importCycleIsRefused() {
        Path root = FixtureRoot.build("fixture-cycle", List.of("cycle-a", "cycle-b"));
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertTrue(e.getMessage().contains("stacks depend on each other in a cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle-a/template.yaml:5: Resources.Topic.Properties.DisplayName imports 'cycle-b-Name'"),
                e.getMessage());
    }

    @Test
    void resourceTypeNotEmulatedIsRefused() throws Exception {
        Path root = FixtureRoot.build("fixture-queue", List.of("cycle-a"));
        java.nio.file.Files.writeString(root.resolve("cycle-a/template.yaml"),
                "Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertEquals("cycle-a/template.yaml:3: Resources.Stream.Type: resource type AWS::Kinesis::Stream is not emulated by"
                + " the local runtime", e.getMessage());
    }

    @Test
    void queueRetentionShorterThanTheRuntimeKeepsMessagesIsRefused() throws Exception {
        Path root = FixtureRoot.build("fixture-queue-retention", List.of("cycle-a"));
        java.nio.file.Files.writeString(root.resolve("cycle-a/template.yaml"),
                "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 60\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertTrue(e.getMessage().startsWith("cycle-a/template.yaml:5: Resources.Queue.Properties.MessageRetentionPeriod:"
                + " a MessageRetentionPeriod under 86400 s is not emulated"), e.getMessage());
    }

    @Test
    void aScheduleExpressionAwsWouldRefuseStopsTheStartAtItsLine() throws Exception {
        Path root = FixtureRoot.build("fixture-schedule", List.of("cycle-a"));
        java.nio.file.Files.writeString(root.resolve("cycle-a/template.yaml"), "Resources:\n  Fn:\n"
                + "    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: java21\n"
                + "      CodeUri: target/fixture-functions.jar\n      Handler: io.atrium.local.fixture.TickHandler::handleRequest\n"
                + "      Events:\n        Daily:\n          Type: ScheduleV2\n          Properties:\n"
                + "            ScheduleExpression: cron(0 9 * * * *)\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertTrue(e.getMessage().startsWith("cycle-a/template.yaml:12: Resources.Fn.Properties.Events.Daily.Properties"
                + ".ScheduleExpression: "), e.getMessage());
    }
}
