package io.atrium.shared.api;

import java.util.Map;

/**
 * API Gateway's REST proxy response, written by the layer's Jackson ({@link ApiHandler}): status, headers and a
 * text body ({@code null} for none).
 */
public record ProxyResponseEvent(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {

    public int getStatusCode() {
        return statusCode;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public String getBody() {
        return body;
    }
}
