package io.atrium.local.stack;

import io.atrium.local.lambda.LocalLayer;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Layer versions from a built zip ({@code ContentUri}), published under their version ARN. */
final class LayerResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::Serverless::LayerVersion");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        String name = build.physicalName(resource, "LayerName");
        build.resources.name(resource.logicalId(), build.resources.layerArn(resource.logicalId(), resource.node(), name));
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        for (Resource resource : resources) {
            MapNode props = build.resolver.resolvedProperties(resource.logicalId());
            Node contentUri = props.require("ContentUri");
            if (!(contentUri instanceof ScalarNode)) {
                throw contentUri.error("only a local path is emulated for ContentUri");
            }
            Path zip = build.definition.dir().resolve(contentUri.asText()).normalize();
            if (!Files.isRegularFile(zip)) {
                throw contentUri.error(zip + " does not exist: build it first (mvn -q -DskipTests package)");
            }
            String arn = (String) build.resources.ref(resource.logicalId(), resource.type(), resource.node());
            build.registry.layer(new LocalLayer(arn, zip, build.workDir));
        }
    }
}
