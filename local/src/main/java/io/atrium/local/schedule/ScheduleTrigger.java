package io.atrium.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.http.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fires a schedule now: {@code POST /schedules/{stack}/{LogicalId}} on loopback, its body (JSON), if any,
 * replacing the target's input. Answers 200 with the input and the function's output once it has run, 502 with
 * the function's error when it failed, 400 when the body is not JSON, 404 for an unknown schedule. The console's
 * page (its own origin) may read the answers: its "run now" button posts here (no body: the schedule's input).
 */
public final class ScheduleTrigger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/schedules/";

    private final Map<String, LocalSchedule> schedules;
    private final Set<String> consoleOrigins;
    private HttpServer server;

    private ScheduleTrigger(Map<String, LocalSchedule> schedules, Set<String> consoleOrigins) {
        this.schedules = Map.copyOf(schedules);
        this.consoleOrigins = Set.copyOf(consoleOrigins);
    }

    /**
     * Listens on {@code port} (0: a free one) for the given schedules, by {@code stack/LogicalId}; pages served from
     * {@code consoleOrigins} (the console's) may read the answers.
     */
    public static ScheduleTrigger start(int port, Map<String, LocalSchedule> schedules, Set<String> consoleOrigins) {
        ScheduleTrigger trigger = new ScheduleTrigger(schedules, consoleOrigins);
        try {
            trigger.server = HttpServer.start(InetAddress.getLoopbackAddress(), port, trigger::answer, "schedules");
        } catch (IOException e) {
            throw new UncheckedIOException("the schedules endpoint cannot listen on port " + port
                    + ": is another scripts/local running? Choose other ports with --base-port", e);
        }
        return trigger;
    }

    /** {@code stack/LogicalId} -> the URL that fires it, for endpoints.json. */
    public Map<String, String> urls() {
        Map<String, String> out = new LinkedHashMap<>();
        schedules.keySet().stream().sorted().forEach(k -> out.put(k, "http://127.0.0.1:" + server.port() + PREFIX + k));
        return out;
    }

    private HttpResponse answer(HttpRequest request) {
        HttpResponse response = handle(request);
        String origin = request.header("Origin");
        if (origin != null && consoleOrigins.contains(origin)) {
            response.headers().add(Map.entry("Access-Control-Allow-Origin", origin));
        }
        return response;
    }

    private HttpResponse handle(HttpRequest request) {
        String path = request.rawPath();
        LocalSchedule schedule = path.startsWith(PREFIX) ? schedules.get(path.substring(PREFIX.length())) : null;
        if (schedule == null) {
            return answer(404, Map.of("message", "no schedule at " + path, "schedules", urls().keySet()));
        }
        if (!request.method().equals("POST")) {
            return answer(405, Map.of("message", "POST fires the schedule now"));
        }
        String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
        LocalSchedule.Run run;
        try {
            run = schedule.fire(body.isBlank() ? null : body, ZonedDateTime.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            return answer(400, Map.of("message", e.getMessage()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schedule", schedule.definition().key());
        out.put("function", schedule.targetName());
        out.put("input", run.input());
        if (run.result().ok()) {
            out.put("output", run.result().output());
            return answer(200, out);
        }
        out.put("errorType", run.result().errorType());
        out.put("errorMessage", run.result().errorMessage());
        return answer(502, out);
    }

    private static HttpResponse answer(int status, Map<String, ?> body) {
        try {
            return HttpResponse.json(status, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
