package io.atrium.shared.api;

import java.util.Map;

/** {@code GET /v1/health}: public, touches nothing, answers {@code {"status": "ok"}}. */
public final class HealthHandler extends ApiHandler {
    private static final Map<String, String> OK = Map.of("status", "ok");

    public HealthHandler() {
        super(System.getenv().getOrDefault("SERVICE_NAME", "atrium"), "health", null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, OK);
    }
}
