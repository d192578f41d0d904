package io.atrium.local.stack;

import io.atrium.local.auth.CognitoEmulator;
import java.util.List;

/**
 * Cognito user pools, resource servers, app clients and domains, created in the account's local Cognito
 * (ADR 0203) in the order Cognito needs them: a client's scopes must exist first.
 */
final class CognitoResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolResourceServer", "AWS::Cognito::UserPoolClient",
                "AWS::Cognito::UserPoolDomain");
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        for (Resource resource : resources) {
            CognitoEmulator cognito = build.registry.cognito();
            if (cognito == null) {
                throw resource.typeNode().error(resource.type()
                        + " needs the local Cognito, which this runtime was started without");
            }
            cognito.provision(build.stackName(), resource.logicalId(), resource.type(),
                    build.resolver.resolvedProperties(resource.logicalId()));
        }
    }
}
