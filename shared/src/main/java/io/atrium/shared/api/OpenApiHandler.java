package io.atrium.shared.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/openapi.json}: public; serves the {@code openapi.json} that the function's module
 * ships on its classpath, read once at init.
 */
public final class OpenApiHandler extends ApiHandler {
    private final String document;

    public OpenApiHandler() {
        super(System.getenv().getOrDefault("SERVICE_NAME", "atrium"), "openapi", null);
        // The layer and the function jar share one class path in Lambda, so the module's file is visible here.
        this.document = load(OpenApiHandler.class.getClassLoader());
    }

    static String load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the function's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ApiResponse.JSON);
        headers.put("Cache-Control", "public, max-age=300");
        return new ApiResponse(200, headers, document);
    }
}
