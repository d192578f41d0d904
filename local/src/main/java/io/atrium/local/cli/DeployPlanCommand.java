package io.atrium.local.cli;

import io.atrium.local.ProjectLayout;
import io.atrium.local.stack.DeployPlan;
import io.atrium.local.template.TemplateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java io.atrium.local.cli.DeployPlanCommand [--root DIR] --env ENV [--tsv] [module ...]}: prints the
 * {@link DeployPlan} (for a person, or tab-separated for {@code scripts/deploy}); exit 2 on a usage error, 1 when
 * the plan cannot be made. Reads only the repository: no AWS account, no network.
 */
public final class DeployPlanCommand {

    private DeployPlanCommand() {
    }

    public static void main(String[] args) {
        Path root = null;
        String env = null;
        boolean tsv = false;
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                case "--env" -> env = value(args, ++i, "--env");
                case "--tsv" -> tsv = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        usage("unknown option " + args[i]);
                    }
                    modules.add(args[i]);
                }
            }
        }
        if (env == null) {
            usage("--env is required");
        }
        try {
            DeployPlan plan = DeployPlan.of(root != null ? root : ProjectLayout.root(), env, modules);
            System.out.print(tsv ? plan.tsv() : plan.describe());
        } catch (TemplateException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("deploy plan: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("deploy plan: " + problem);
        System.err.println("usage: DeployPlanCommand [--root DIR] --env ENV [--tsv] [module ...]");
        System.exit(2);
    }
}
