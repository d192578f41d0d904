package io.atrium.shared.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's REST proxy event, as much of it as the functions read. {@link ProxyEventReader} reads it from the
 * invocation's bytes with the layer's Jackson (a tree, ADR 0019), so no event library is needed; fields AWS adds are
 * ignored. Tests and the priming event write it as a bean.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ProxyRequestEvent {
    private String resource;
    private String path;
    private String httpMethod;
    private Map<String, String> headers;
    private Map<String, List<String>> multiValueHeaders;
    private Map<String, String> queryStringParameters;
    private Map<String, List<String>> multiValueQueryStringParameters;
    private Map<String, String> pathParameters;
    private RequestContext requestContext;
    private String body;
    private Boolean isBase64Encoded;

    /** The part of {@code requestContext} the functions read: request id, authorizer context, domain and stage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class RequestContext {
        private String requestId;
        private Map<String, Object> authorizer;
        private String domainName;
        private String stage;

        public String getRequestId() { return requestId; }
        public void setRequestId(String requestId) { this.requestId = requestId; }
        public Map<String, Object> getAuthorizer() { return authorizer; }
        public void setAuthorizer(Map<String, Object> authorizer) { this.authorizer = authorizer; }
        public String getDomainName() { return domainName; }
        public void setDomainName(String domainName) { this.domainName = domainName; }
        public String getStage() { return stage; }
        public void setStage(String stage) { this.stage = stage; }
    }

    public String getResource() { return resource; }
    public void setResource(String resource) { this.resource = resource; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getHttpMethod() { return httpMethod; }
    public void setHttpMethod(String httpMethod) { this.httpMethod = httpMethod; }
    public Map<String, String> getHeaders() { return headers; }
    public void setHeaders(Map<String, String> headers) { this.headers = headers; }
    public Map<String, List<String>> getMultiValueHeaders() { return multiValueHeaders; }
    public void setMultiValueHeaders(Map<String, List<String>> multiValueHeaders) { this.multiValueHeaders = multiValueHeaders; }
    public Map<String, String> getQueryStringParameters() { return queryStringParameters; }
    public void setQueryStringParameters(Map<String, String> query) { this.queryStringParameters = query; }
    public Map<String, List<String>> getMultiValueQueryStringParameters() { return multiValueQueryStringParameters; }
    public void setMultiValueQueryStringParameters(Map<String, List<String>> query) { this.multiValueQueryStringParameters = query; }
    public Map<String, String> getPathParameters() { return pathParameters; }
    public void setPathParameters(Map<String, String> pathParameters) { this.pathParameters = pathParameters; }
    public RequestContext getRequestContext() { return requestContext; }
    public void setRequestContext(RequestContext requestContext) { this.requestContext = requestContext; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Boolean getIsBase64Encoded() { return isBase64Encoded; }
    public void setIsBase64Encoded(Boolean isBase64Encoded) { this.isBase64Encoded = isBase64Encoded; }
}
