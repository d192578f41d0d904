package io.atrium.local.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.atrium.local.LocalRuntime;
import io.atrium.local.http.HttpHandler;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.http.HttpServer;
import io.atrium.local.observe.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local console: a page (plain HTML and JS from the jar, nothing fetched from the internet) and the JSON API
 * behind it, on its own loopback port. See local/README.md for the API.
 */
public final class ConsoleServer implements HttpHandler, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/console.js", "console.js", "/console.css", "console.css");

    private final ConsoleApi api;
    private final TokenHelper tokens;
    private final QueuesView queues;
    private HttpServer server;

    private ConsoleServer(LocalRuntime runtime, Telemetry telemetry) {
        this.api = new ConsoleApi(runtime, telemetry);
        this.tokens = new TokenHelper(runtime);
        this.queues = new QueuesView(runtime.registry().sqs());
    }

    /** Serves the console on {@code port} (0: a free one) of the loopback interface. */
    public static ConsoleServer start(LocalRuntime runtime, Telemetry telemetry, int port) throws IOException {
        ConsoleServer console = new ConsoleServer(runtime, telemetry);
        try {
            console.server = HttpServer.start(InetAddress.getLoopbackAddress(), port, console, "console");
        } catch (IOException e) {
            throw new IOException("the console " + e.getMessage() + ": is another scripts/local running?", e);
        }
        return console;
    }

    /** {@code http://127.0.0.1:PORT/}, what endpoints.json names {@code consoleUrl}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** The origins the page is served from (by address and by name), which the schedules URL lets read its answers. */
    public Set<String> origins() {
        return Set.of("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port());
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String path = request.rawPath();
        String file = FILES.get(path);
        if (file != null && request.method().equals("GET")) {
            return resource(file);
        }
        if (!path.startsWith("/api/")) {
            return problem(404, "no such page: " + path);
        }
        try {
            return json(answer(request, path.substring(4)));
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
    }

    private Object answer(HttpRequest request, String path) {
        List<String> parts = List.of(path.substring(1).split("/"));
        boolean get = request.method().equals("GET");
        String id = parts.size() > 1 ? decode(parts.get(1)) : null;
        if (get && path.equals("/requests")) {
            return api.requests(query(request.rawQuery()));
        } else if (get && parts.size() == 3 && parts.get(0).equals("requests") && parts.get(2).equals("logs")) {
            return api.logs(id);
        } else if (get && parts.size() == 2 && parts.get(0).equals("traces")) {
            return Optional.<Object>ofNullable(api.trace(id)).orElseGet(() -> notFound("no trace " + id + " (yet)"));
        } else if (get && path.equals("/stacks")) {
            return api.stacks();
        } else if (get && parts.size() == 2 && parts.get(0).equals("openapi")) {
            return api.openApi(id).<Object>map(RawJson::new).orElseGet(() -> notFound("no OpenAPI description for " + id));
        } else if (get && path.equals("/schedules")) {
            return api.schedules();
        } else if (get && path.equals("/queues")) {
            return queues.queues();
        } else if (!get && parts.size() == 3 && parts.get(0).equals("queues") && parts.get(2).equals("redrive")) {
            return Optional.<Object>ofNullable(queues.redrive(id)).orElseGet(() -> notFound("no queue " + id));
        } else if (get && path.equals("/clients")) {
            return tokens.clients();
        } else if (request.method().equals("POST") && path.equals("/token")) {
            return tokens.token(request.body());
        }
        return notFound("no such API: " + request.method() + " /api" + path);
    }

    /** An answer that is already JSON (an OpenAPI file). */
    record RawJson(String text) {
    }

    /** A 404 answer. */
    record NotFound(String message) {
    }

    private static NotFound notFound(String message) {
        return new NotFound(message);
    }

    private static HttpResponse json(Object answer) {
        if (answer instanceof NotFound nf) {
            return problem(404, nf.message());
        }
        try {
            String body = answer instanceof RawJson raw ? raw.text() : JSON.writeValueAsString(answer);
            HttpResponse response = HttpResponse.json(200, body);
            response.headers().add(Map.entry("Cache-Control", "no-store"));
            return response;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse problem(int status, String message) {
        try {
            return HttpResponse.json(status, JSON.writeValueAsString(Map.of("message", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse resource(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                return problem(404, "missing " + name);
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Content-Type", type));
            headers.add(Map.entry("Cache-Control", "no-store"));
            return new HttpResponse(200, headers, in.readAllBytes());
        } catch (IOException e) {
            return problem(500, "cannot read " + name);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
