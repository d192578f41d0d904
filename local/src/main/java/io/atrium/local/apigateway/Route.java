package io.atrium.local.apigateway;

import io.atrium.local.lambda.LocalFunction;

/**
 * One method on one resource of a REST API, from a function's {@code Api} event.
 *
 * @param method         HTTP method in upper case, or {@code ANY}
 * @param resourcePath   API Gateway resource path, e.g. {@code /partners/{partnerId}}
 * @param authorizer     the authorizer protecting it, or null for none
 * @param apiKeyRequired whether the method needs an API key in a usage plan of the stage (metered, 429s)
 */
public record Route(String method, String resourcePath, LocalFunction function, Authorizer authorizer,
        boolean apiKeyRequired) {

    public Route(String method, String resourcePath, LocalFunction function, Authorizer authorizer) {
        this(method, resourcePath, function, authorizer, false);
    }
}
