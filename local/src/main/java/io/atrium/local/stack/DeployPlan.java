package io.atrium.local.stack;

import io.atrium.local.template.TemplateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which stacks {@code scripts/deploy --env ENV [modules]} deploys, under which names and in which order: every
 * stack folder read with environment {@code ENV} of its samconfig.toml, ordered by {@link StackGraph} (imports,
 * SSM parameters and secrets one stack takes from another), so the order is the one the templates give.
 */
public record DeployPlan(String env, List<Step> steps) {

    /**
     * One stack to deploy: {@code after} are stacks of this plan it takes something from, {@code existing} those
     * outside it that must already be deployed, {@code ssmParameters} the SSM parameters it reads at deploy time.
     */
    public record Step(String module, String stackName, String region, Map<String, String> parameterOverrides,
            List<String> after, List<String> existing, List<String> ssmParameters) {
    }

    /**
     * The plan for {@code modules} (empty: every stack folder) in environment {@code env}.
     *
     * @throws TemplateException when a folder has no such environment, a stack lacks a name or region, two stacks
     *         share a name, or the graph is broken (an import nobody exports, a cycle)
     * @throws IllegalArgumentException when a requested module is no stack folder
     */
    public static DeployPlan of(Path root, String env, List<String> modules) {
        List<StackDefinition> all = new ArrayList<>();
        for (Path template : StackGraph.discover(root)) {
            all.add(StackDefinition.read(root, template, env));
        }
        checkNames(all);
        Set<String> known = all.stream().map(StackDefinition::name).collect(Collectors.toSet());
        for (String module : modules) {
            if (!known.contains(module)) {
                throw new IllegalArgumentException("'" + module + "' is not a stack folder (one of " + String.join(", ",
                        all.stream().map(StackDefinition::name).toList()) + ")");
            }
        }
        Set<String> wanted = modules.isEmpty() ? known : Set.copyOf(modules);
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<StackDefinition, Map<StackDefinition, String>> e : StackGraph.ordered(all).entrySet()) {
            StackDefinition s = e.getKey();
            if (wanted.contains(s.name())) {
                steps.add(step(s, e.getValue().keySet(), wanted));
            }
        }
        return new DeployPlan(env, List.copyOf(steps));
    }

    private static Step step(StackDefinition s, Set<StackDefinition> deps, Set<String> wanted) {
        List<String> after = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (StackDefinition d : deps) {
            (wanted.contains(d.name()) ? after : existing).add(d.stackName());
        }
        List<String> ssm = List.copyOf(StackGraph.probe(s).ssm().keySet());
        return new Step(s.name(), s.stackName(), s.config().region().orElseThrow(), s.config().parameterOverrides(),
                List.copyOf(after), List.copyOf(existing), ssm);
    }

    private static void checkNames(List<StackDefinition> stacks) {
        Set<String> seen = new HashSet<>();
        for (StackDefinition s : stacks) {
            String config = s.template().name().replace("template.yaml", "samconfig.toml");
            if (s.config().stackName().isEmpty() || s.config().region().isEmpty()) {
                throw new TemplateException(config, "the environment needs stack_name and region", null);
            }
            if (!seen.add(s.stackName())) {
                throw new TemplateException(config, "stack name '" + s.stackName() + "' is used by another stack too",
                        null);
            }
        }
    }

    /** The plan as a person reads it: one line per stack, in order. */
    public String describe() {
        StringBuilder out = new StringBuilder("deploy plan for environment '" + env + "': " + steps.size()
                + (steps.size() == 1 ? " stack" : " stacks") + ", in this order\n");
        int width = steps.stream().mapToInt(s -> s.module().length()).max().orElse(0);
        int stackWidth = steps.stream().mapToInt(s -> s.stackName().length()).max().orElse(0);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.append(String.format("%3d. %-" + width + "s -> %-" + stackWidth + "s  %s", i + 1, s.module(),
                    s.stackName(), s.region()));
            if (!s.after().isEmpty()) {
                out.append("  after ").append(String.join(", ", s.after()));
            }
            if (!s.existing().isEmpty()) {
                out.append("  needs deployed ").append(String.join(", ", s.existing()));
            }
            out.append('\n');
            if (!s.parameterOverrides().isEmpty()) {
                out.append(" ".repeat(width + 9)).append("parameters: ").append(overrides(s)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The plan for scripts: one line per stack, tab-separated: module, stack name, region, stacks that must
     * already exist (comma-separated), parameter overrides (SAM CLI syntax), SSM parameters read (comma-separated).
     */
    public String tsv() {
        StringBuilder out = new StringBuilder();
        for (Step s : steps) {
            out.append(String.join("\t", s.module(), s.stackName(), s.region(), String.join(",", s.existing()),
                    overrides(s), String.join(",", s.ssmParameters()))).append('\n');
        }
        return out.toString();
    }

    /** Overrides as SAM CLI's {@code --parameter-overrides} reads them: {@code K=V K2="v 2"}. */
    static String overrides(Step s) {
        return new TreeMap<>(s.parameterOverrides()).entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().matches("[^\\s\"']*") && !e.getValue().isEmpty()
                        ? e.getValue() : "\"" + e.getValue() + "\""))
                .collect(Collectors.joining(" "));
    }
}
