package io.atrium.shared.api;

import io.atrium.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer before it becomes API Gateway's proxy response. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public static ApiResponse json(int status, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return new ApiResponse(status, headers, Json.write(body));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, new LinkedHashMap<>(), null);
    }

    /** A single resource: the body plus its version as a strong ETag. */
    public static ApiResponse resource(int status, Object body, long version) {
        return json(status, body).withHeader("ETag", ETags.of(version));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    public ProxyResponseEvent toEvent() {
        return new ProxyResponseEvent(status, headers, body, false);
    }
}
