package io.atrium.local.apigateway;

import java.util.Map;

/**
 * One deployed stage of a REST API: where it belongs (stack, logical id), its ids as AWS would give them, its
 * stage variables and binary media types.
 */
public record Stage(String stack, String logicalId, String apiId, String name, String region, String accountId,
        Map<String, String> variables, BinaryMediaTypes binaryMediaTypes) {

    public Stage {
        variables = Map.copyOf(variables);
    }

    /** The ARN an authorizer's policy is checked against: {@code arn:aws:execute-api:...:{apiId}/{stage}/{METHOD}/{path}}. */
    String methodArn(String method, String rawResourcePath) {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + name + "/" + method
                + (rawResourcePath.startsWith("/") ? rawResourcePath : "/" + rawResourcePath);
    }
}
