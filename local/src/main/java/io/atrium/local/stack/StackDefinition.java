package io.atrium.local.stack;

import io.atrium.local.template.SamConfig;
import io.atrium.local.template.Template;
import java.nio.file.Path;

/**
 * One stack to start: its folder (e.g. {@code partner}), template and samconfig, and the CloudFormation stack
 * name (samconfig's {@code stack_name}, else {@code atrium-{folder}}).
 */
public record StackDefinition(String name, Path dir, Template template, SamConfig config, String stackName) {

    /** Reads {@code templateFile}; messages name it relative to {@code root}, e.g. {@code partner/template.yaml}. */
    public static StackDefinition read(Path root, Path templateFile) {
        return read(root, templateFile, null);
    }

    /**
     * Reads {@code templateFile} with environment {@code env} of its samconfig.toml ({@code [env.deploy.parameters]},
     * which must exist); {@code null} reads the {@code default} environment, which may be absent.
     */
    public static StackDefinition read(Path root, Path templateFile, String env) {
        Path file = templateFile.toAbsolutePath().normalize();
        Path dir = file.getParent();
        String name = dir.getFileName().toString();
        Path base = root.toAbsolutePath().normalize();
        String display = file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : file.toString();
        Template template = Template.read(file, display);
        SamConfig config = env == null ? SamConfig.read(dir.resolve("samconfig.toml"))
                : SamConfig.read(dir.resolve("samconfig.toml"), env);
        return new StackDefinition(name, dir, template, config, config.stackName().orElse("atrium-" + name));
    }

    @Override
    public String toString() {
        return name + " (" + template.name() + ")";
    }
}
