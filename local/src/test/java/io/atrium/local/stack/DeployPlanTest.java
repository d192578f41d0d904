package io.atrium.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.SamConfig;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deploy plans of the repository's own stacks, as {@code scripts/deploy --env ENV --plan} prints them: every
 * environment is complete (each import found in the same environment), names carry the environment, and the
 * order is the one the templates' imports give.
 */
class DeployPlanTest {
    private static final Path ROOT = ProjectLayout.root();
    private static final List<String> DOMAINS = List.of("catalog", "contract", "order", "partner", "transaction");

    @Test
    void stagingDeploysSharedThenAuthzThenTheDomainsUnderStagingNames() {
        DeployPlan plan = DeployPlan.of(ROOT, "staging", List.of());

        List<String> modules = plan.steps().stream().map(DeployPlan.Step::module).toList();
        assertEquals("shared", modules.get(0));
        assertEquals("authz", modules.get(1));
        assertEquals(DOMAINS, modules.subList(2, modules.size()).stream().sorted().toList());
        for (DeployPlan.Step step : plan.steps()) {
            assertEquals("atrium-staging-" + step.module(), step.stackName());
            assertEquals("us-east-1", step.region());
            assertEquals(List.of(), step.existing(), step.module() + " needs nothing outside a full deploy");
        }
        DeployPlan.Step partner = step(plan, "partner");
        assertEquals(List.of("atrium-staging-authz", "atrium-staging-shared"), partner.after().stream().sorted().toList());
        assertEquals(List.of("/atrium-staging-shared/layer-arn"), partner.ssmParameters());
        assertEquals("staging", partner.parameterOverrides().get("Stage"));
        assertTrue(plan.describe().matches("(?s).*\\n +6\\. partner +-> atrium-staging-partner +us-east-1 .*"),
                plan.describe());
    }

    @Test
    void oneModuleNamesTheStacksThatMustAlreadyExist() {
        DeployPlan plan = DeployPlan.of(ROOT, "prod", List.of("partner"));

        assertEquals(1, plan.steps().size());
        DeployPlan.Step partner = plan.steps().get(0);
        assertEquals("atrium-prod-partner", partner.stackName());
        assertEquals(List.of(), partner.after());
        assertEquals(List.of("atrium-prod-authz", "atrium-prod-shared"), partner.existing().stream().sorted().toList());
        String tsv = plan.tsv();
        assertTrue(tsv.startsWith("partner\tatrium-prod-partner\tus-east-1\t"), tsv);
        assertTrue(tsv.contains("SharedLayerArn=/atrium-prod-shared/layer-arn"), tsv);
    }

    @Test
    void modulesComeInGraphOrderWhateverOrderTheyAreAskedIn() {
        DeployPlan plan = DeployPlan.of(ROOT, "dev", List.of("order", "shared", "authz"));

        assertEquals(List.of("shared", "authz", "order"), plan.steps().stream().map(DeployPlan.Step::module).toList());
    }

    /** Every environment of every stack: named for it, pointed at its own shared and authz stacks, Stage set. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyEnvironmentIsCompleteAndSelfContained(String env) {
        DeployPlan plan = DeployPlan.of(ROOT, env, List.of());

        assertEquals(StackGraph.discover(ROOT).size(), plan.steps().size());
        for (DeployPlan.Step step : plan.steps()) {
            assertEquals("atrium-" + env + "-" + step.module(), step.stackName());
            Map<String, String> params = step.parameterOverrides();
            assertEquals(env, params.get("Stage"), step.module());
            params.forEach((name, value) -> {
                if (name.endsWith("StackName") || name.equals("SharedLayerArn")) {
                    assertTrue(value.contains("atrium-" + env + "-"), step.module() + " " + name + "=" + value);
                }
            });
        }
    }

    /**
     * Each template's {@code StageSettings} gives every setting for every stage its {@code Stage} parameter
     * allows: a missing one would fail only at deploy time in that environment (cfn-lint does not see it).
     */
    @Test
    void everyStageHasEverySetting() {
        for (Path file : StackGraph.discover(ROOT)) {
            Template template = Template.read(file, ROOT.relativize(file).toString());
            MapNode settings = template.mappings().mapOrEmpty("StageSettings");
            List<String> stages = template.parameters().require("Stage").asMap().require("AllowedValues").asList()
                    .items().stream().map(Node::asText).toList();
            Set<String> keys = new TreeSet<>();
            settings.entries().values().forEach(stage -> keys.addAll(stage.asMap().keys()));
            for (String stage : stages) {
                assertEquals(keys, new TreeSet<>(settings.require(stage).asMap().keys()), template.name() + " " + stage);
            }
            assertEquals(Set.copyOf(stages), settings.keys(), template.name());
        }
    }

    /** A plain {@code sam deploy} (section default) and the local runtime must mean dev. */
    @Test
    void theDefaultEnvironmentIsDev() {
        for (Path template : StackGraph.discover(ROOT)) {
            Path samconfig = template.resolveSibling("samconfig.toml");
            assertEquals(SamConfig.read(samconfig, "dev"), SamConfig.read(samconfig), samconfig.toString());
        }
    }

    @Test
    void anUnknownEnvironmentNamesTheFileWithoutIt() {
        TemplateException e = assertThrows(TemplateException.class, () -> DeployPlan.of(ROOT, "qa", List.of()));
        assertTrue(e.getMessage().contains("samconfig.toml") && e.getMessage().contains("no environment 'qa'"),
                e.getMessage());
    }

    @Test
    void anUnknownModuleIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeployPlan.of(ROOT, "dev", List.of("billing")));
        assertTrue(e.getMessage().startsWith("'billing' is not a stack folder"), e.getMessage());
    }

    /** A stack pointed at another environment's shared stack imports what no stack of its environment exports. */
    @Test
    void anImportFromAnotherEnvironmentBreaksThePlan(@TempDir Path root) throws IOException {
        write(root, "shared", "Resources:\n  T: {Type: AWS::SNS::Topic}\nOutputs:\n  X:\n    Value: !Ref T\n"
                + "    Export: {Name: !Sub '${AWS::StackName}-X'}\n", "atrium-staging-shared", "");
        write(root, "partner", "Parameters:\n  SharedStackName: {Type: String}\nResources:\n  Q:\n"
                + "    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !ImportValue {'Fn::Sub': '${SharedStackName}-X'}\n",
                "atrium-staging-partner", "SharedStackName=atrium-dev-shared");

        TemplateException e = assertThrows(TemplateException.class, () -> DeployPlan.of(root, "staging", List.of()));
        assertTrue(e.getMessage().contains("'atrium-dev-shared-X': no stack exports this name"), e.getMessage());
    }

    private static void write(Path root, String module, String template, String stack, String overrides)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(module));
        Files.writeString(dir.resolve("template.yaml"), template);
        Files.writeString(dir.resolve("samconfig.toml"), "version = 0.1\n[staging.deploy.parameters]\nstack_name = \""
                + stack + "\"\nregion = \"eu-west-1\"\nparameter_overrides = \"" + overrides + "\"\n");
    }

    private static DeployPlan.Step step(DeployPlan plan, String module) {
        return plan.steps().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }
}
