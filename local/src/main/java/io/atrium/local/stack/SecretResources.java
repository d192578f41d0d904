package io.atrium.local.stack;

import io.atrium.local.template.MapNode;
import java.util.List;

/**
 * Secrets Manager secrets: their {@code SecretString}, or one drawn anew per run from
 * {@code GenerateSecretString} ({@link GeneratedSecret}), under their name and their ARN.
 */
final class SecretResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::SecretsManager::Secret");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        MapNode props = io.atrium.local.template.Template.properties(resource.node());
        build.resources.name(resource.logicalId(), build.resolver.resolveText(props.require("Name")));
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        for (Resource resource : resources) {
            MapNode props = build.resolver.resolvedProperties(resource.logicalId());
            String value = GeneratedSecret.value(props);
            build.registry.putSecret(props.require("Name").asText(), value);
            build.registry.putSecret((String) build.resources.ref(resource.logicalId(), resource.type(), resource.node()),
                    value);
        }
    }
}
