package io.atrium.local.apigateway;

import io.atrium.local.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Api's {@code Cors}, values already without SAM's single quotes. SAM adds an OPTIONS method answering
 * these headers to every path; the function's own responses carry whatever headers the function sets.
 *
 * @param allowMethods null: the methods of the path, as SAM lists them
 */
public record Cors(String allowOrigin, String allowMethods, String allowHeaders, String maxAge, boolean allowCredentials) {

    /** The answer of SAM's generated OPTIONS method on {@code resource}. */
    HttpResponse preflight(RouteTable.Resource resource, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        if (allowHeaders != null) {
            headers.add(Map.entry("Access-Control-Allow-Headers", allowHeaders));
        }
        headers.add(Map.entry("Access-Control-Allow-Methods", allowMethods != null ? allowMethods : resource.allowedMethods()));
        if (allowOrigin != null) {
            headers.add(Map.entry("Access-Control-Allow-Origin", allowOrigin));
        }
        if (maxAge != null) {
            headers.add(Map.entry("Access-Control-Max-Age", maxAge));
        }
        if (allowCredentials) {
            headers.add(Map.entry("Access-Control-Allow-Credentials", "true"));
        }
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        return new HttpResponse(200, headers, new byte[0]);
    }
}
