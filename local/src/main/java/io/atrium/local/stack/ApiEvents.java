package io.atrium.local.stack;

import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;

/** {@code Api} events: each becomes a route of its {@code RestApiId} (or of the implicit API), built with its Api. */
final class ApiEvents implements FunctionEvents {

    @Override
    public String type() {
        return "Api";
    }

    @Override
    public void bind(StackBuild build, String functionId, LocalFunction function, MapNode event) {
        MapNode ep = event.require("Properties").asMap();
        String apiLogical = null;
        Node restApiId = ep.get("RestApiId");
        if (restApiId != null) {
            apiLogical = ApiResources.logicalIdOf(build, restApiId.asText());
            if (apiLogical == null) {
                throw restApiId.error("RestApiId must be a !Ref to an AWS::Serverless::Api of this template");
            }
        }
        Node auth = ep.get("Auth");
        Node authorizer = auth == null ? null : auth.asMap().get("Authorizer");
        Node apiKeyRequired = auth == null ? null : auth.asMap().get("ApiKeyRequired");
        build.apiRoutes.add(new StackBuild.ApiRoute(functionId, function, apiLogical, ep.require("Path").asText(),
                ep.require("Method").asText(), authorizer, apiKeyRequired, event));
    }
}
