package io.atrium.local.apigateway;

/**
 * An answer the gateway makes itself instead of the function's: its type (which customisation applies), the
 * status and {@code message} API Gateway uses, the {@code x-amzn-ErrorType} header, and for 429s how long to wait.
 *
 * @param message    null for API Gateway's {@code {"message":null}}
 * @param errorType  the {@code x-amzn-ErrorType} value, or null for none
 * @param retryAfter seconds for {@code Retry-After}, or 0 for none
 */
public record GatewayError(GatewayResponseType type, int status, String message, String errorType, long retryAfter) {

    static final GatewayError MISSING_AUTHENTICATION_TOKEN = new GatewayError(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
            403, "Missing Authentication Token", "MissingAuthenticationTokenException", 0);
    /** A stage this API does not have. */
    static final GatewayError FORBIDDEN = new GatewayError(GatewayResponseType.DEFAULT_4XX, 403, "Forbidden",
            "ForbiddenException", 0);
    /** A method that needs an API key without a valid key of a usage plan of the stage. */
    static final GatewayError INVALID_API_KEY = new GatewayError(GatewayResponseType.INVALID_API_KEY, 403, "Forbidden",
            "ForbiddenException", 0);
    static final GatewayError UNAUTHORIZED = new GatewayError(GatewayResponseType.UNAUTHORIZED, 401, "Unauthorized",
            "UnauthorizedException", 0);
    static final GatewayError ACCESS_DENIED = new GatewayError(GatewayResponseType.ACCESS_DENIED, 403,
            "User is not authorized to access this resource", "AccessDeniedException", 0);
    static final GatewayError AUTHORIZER_CONFIGURATION_ERROR = new GatewayError(
            GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, 500, null, "AuthorizerConfigurationException", 0);
    static final GatewayError INTEGRATION_TIMEOUT = new GatewayError(GatewayResponseType.INTEGRATION_TIMEOUT, 504,
            "Endpoint request timed out", "IntegrationTimeoutException", 0);
    /** The function failed, or answered something that is not a proxy response. */
    static final GatewayError BAD_GATEWAY = new GatewayError(GatewayResponseType.DEFAULT_5XX, 502, "Internal server error",
            null, 0);
    /** Something failed inside the runtime itself: the detail goes to the log, never to the client. */
    public static final GatewayError INTERNAL = new GatewayError(GatewayResponseType.DEFAULT_5XX, 500,
            "Internal server error", null, 0);
    /** A request the gateway cannot read (a malformed percent-escape in the path, a bad request line). */
    public static final GatewayError BAD_REQUEST = new GatewayError(GatewayResponseType.DEFAULT_4XX, 400, "Bad Request",
            "BadRequestException", 0);
    public static final GatewayError REQUEST_TOO_LARGE = new GatewayError(GatewayResponseType.REQUEST_TOO_LARGE, 413,
            "Request Too Long", "RequestTooLargeException", 0);
    public static final GatewayError HEADERS_TOO_LARGE = new GatewayError(GatewayResponseType.DEFAULT_4XX, 431,
            "Request Header Fields Too Large", null, 0);

    static GatewayError throttled(long retryAfter) {
        return new GatewayError(GatewayResponseType.THROTTLED, 429, "Too Many Requests", "TooManyRequestsException",
                retryAfter);
    }

    static GatewayError quotaExceeded(long retryAfter) {
        return new GatewayError(GatewayResponseType.QUOTA_EXCEEDED, 429, "Limit Exceeded", "LimitExceededException",
                retryAfter);
    }
}
