package io.atrium.local.stack;

import io.atrium.local.template.MapNode;
import java.util.List;

/** SSM parameters: their {@code Value} under their {@code Name}, for {@code {{resolve:ssm:...}}} and typed parameters. */
final class SsmParameterResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::SSM::Parameter");
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
            build.registry.putSsmParameter(props.require("Name").asText(), props.require("Value").asText());
        }
    }
}
