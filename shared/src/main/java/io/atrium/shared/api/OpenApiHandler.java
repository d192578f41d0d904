package io.atrium.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.shared.config.Config;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/openapi.json}: public; serves the {@code openapi.json} that the function's module ships on its
 * classpath, read once at init, with the absolute URLs of where it runs: the token endpoint of its environment
 * ({@code TOKEN_URL}, the authz stack's {@code TokenUrl}) and the API's own base URL as {@code servers}, so Swagger
 * UI and generated clients work against the environment that served it.
 */
public final class OpenApiHandler extends ApiHandler {
    private final ObjectNode document;

    public OpenApiHandler() {
        this(Config.fromEnvironment().require("TOKEN_URL"));
    }

    /** A handler whose document names {@code tokenUrl} as the token endpoint (tests). */
    public OpenApiHandler(String tokenUrl) {
        super(System.getenv().getOrDefault("SERVICE_NAME", "atrium"), "openapi", null);
        // The layer and the function jar share one class path in Lambda, so the module's file is visible here.
        this.document = withTokenUrl(load(OpenApiHandler.class.getClassLoader()), tokenUrl);
    }

    static String load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the function's jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode withTokenUrl(String text, String tokenUrl) {
        try {
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(text);
            JsonNode flow = doc.at("/components/securitySchemes/oauth2/flows/clientCredentials");
            if (!(flow instanceof ObjectNode clientCredentials)) {
                throw new IllegalStateException("openapi.json has no oauth2 client-credentials security scheme");
            }
            clientCredentials.put("tokenUrl", tokenUrl);
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json is not JSON", e);
        }
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        ObjectNode served = document;
        if (request.baseUrl().isPresent()) {
            served = document.deepCopy();
            served.putArray("servers").addObject().put("url", request.baseUrl().get());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ApiResponse.JSON);
        headers.put("Cache-Control", "public, max-age=300");
        return new ApiResponse(200, headers, Json.write(served));
    }
}
