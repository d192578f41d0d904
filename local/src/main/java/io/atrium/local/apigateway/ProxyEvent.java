package io.atrium.local.apigateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The REST API Lambda proxy event, as API Gateway sends it (empty maps are null there, and so here). Serialised by
 * the runtime's own Jackson into what the function's handler receives.
 */
public record ProxyEvent(String resource, String path, String httpMethod, Map<String, String> headers,
        Map<String, List<String>> multiValueHeaders, Map<String, String> queryStringParameters,
        Map<String, List<String>> multiValueQueryStringParameters, Map<String, String> pathParameters,
        Map<String, String> stageVariables, RequestContext requestContext, String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded) {

    /** {@code requestContext}; {@code authorizer} is there only after an authorizer allowed the call. */
    public record RequestContext(String resourceId, String resourcePath, String httpMethod, String extendedRequestId,
            String requestTime, String path, String accountId, String protocol, String stage, String domainPrefix,
            long requestTimeEpoch, String requestId, Identity identity, String domainName, String apiId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> authorizer) {
    }

    /** {@code requestContext.identity}; {@code apiKey} is there only when an authorizer gave one. */
    public record Identity(String cognitoIdentityPoolId, String accountId, String cognitoIdentityId, String caller,
            String accessKey, String sourceIp, String principalOrgId, String cognitoAuthenticationType,
            String cognitoAuthenticationProvider, String userArn, String userAgent, String user,
            @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey) {

        static Identity of(String sourceIp, String userAgent) {
            return new Identity(null, null, null, null, null, sourceIp, null, null, null, null, userAgent, null, null);
        }

        Identity withApiKey(String key) {
            return new Identity(cognitoIdentityPoolId, accountId, cognitoIdentityId, caller, accessKey, sourceIp,
                    principalOrgId, cognitoAuthenticationType, cognitoAuthenticationProvider, userArn, userAgent, user, key);
        }
    }

    /**
     * The event the function gets after the authorizer allowed the call: its context under
     * {@code requestContext.authorizer}, and its usage identifier key as {@code identity.apiKey} when given.
     */
    ProxyEvent authorized(Map<String, Object> authorizerContext, String apiKey) {
        RequestContext c = requestContext;
        Identity identity = apiKey == null ? c.identity() : c.identity().withApiKey(apiKey);
        RequestContext context = new RequestContext(c.resourceId(), c.resourcePath(), c.httpMethod(),
                c.extendedRequestId(), c.requestTime(), c.path(), c.accountId(), c.protocol(), c.stage(), c.domainPrefix(),
                c.requestTimeEpoch(), c.requestId(), identity, c.domainName(), c.apiId(), authorizerContext);
        return new ProxyEvent(resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters,
                multiValueQueryStringParameters, pathParameters, stageVariables, context, body, base64Encoded);
    }

    /** The event of a REQUEST authorizer: the proxy event without its body, plus type and method ARN. */
    public record RequestAuthorizerEvent(String type, String methodArn, String resource, String path, String httpMethod,
            Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
            Map<String, String> queryStringParameters, Map<String, List<String>> multiValueQueryStringParameters,
            Map<String, String> pathParameters, Map<String, String> stageVariables, RequestContext requestContext) {
    }

    /** The event of a TOKEN authorizer. */
    public record TokenAuthorizerEvent(String type, String methodArn, String authorizationToken) {
    }

    RequestAuthorizerEvent forRequestAuthorizer(String methodArn) {
        return new RequestAuthorizerEvent("REQUEST", methodArn, resource, path, httpMethod, headers, multiValueHeaders,
                queryStringParameters, multiValueQueryStringParameters, pathParameters, stageVariables, requestContext);
    }
}
