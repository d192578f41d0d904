package io.atrium.local.apigateway;

/**
 * The answers API Gateway makes itself, by the names a template's gateway responses use
 * ({@code GatewayResponses} of an {@code AWS::Serverless::Api}, {@code ResponseType} of an
 * {@code AWS::ApiGateway::GatewayResponse}). Each falls back to {@code DEFAULT_4XX} or {@code DEFAULT_5XX} when
 * the template does not customise it.
 */
public enum GatewayResponseType {
    ACCESS_DENIED(403),
    API_CONFIGURATION_ERROR(500),
    AUTHORIZER_CONFIGURATION_ERROR(500),
    AUTHORIZER_FAILURE(500),
    BAD_REQUEST_PARAMETERS(400),
    BAD_REQUEST_BODY(400),
    DEFAULT_4XX(0),
    DEFAULT_5XX(0),
    EXPIRED_TOKEN(403),
    INTEGRATION_FAILURE(504),
    INTEGRATION_TIMEOUT(504),
    INVALID_API_KEY(403),
    INVALID_SIGNATURE(403),
    MISSING_AUTHENTICATION_TOKEN(403),
    QUOTA_EXCEEDED(429),
    REQUEST_TOO_LARGE(413),
    RESOURCE_NOT_FOUND(404),
    THROTTLED(429),
    UNAUTHORIZED(401),
    UNSUPPORTED_MEDIA_TYPE(415),
    WAF_FILTERED(403);

    private final int defaultStatus;

    GatewayResponseType(int defaultStatus) {
        this.defaultStatus = defaultStatus;
    }

    /** The status API Gateway answers with when nothing is customised (0 for the two fallbacks). */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** {@code DEFAULT_4XX} or {@code DEFAULT_5XX}, by the status class of the answer. */
    static GatewayResponseType fallbackFor(int status) {
        return status >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }

    /** The type named {@code name}, or null. */
    public static GatewayResponseType named(String name) {
        for (GatewayResponseType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
