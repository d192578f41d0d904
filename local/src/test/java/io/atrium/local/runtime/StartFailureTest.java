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
                "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false)));
        assertEquals("cycle-a/template.yaml:3: Resources.Queue.Type: resource type AWS::SQS::Queue is not emulated by"
                + " the local runtime", e.getMessage());
    }
}
