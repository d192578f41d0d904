package io.atrium.local.console;

import io.atrium.local.LocalRuntime;
import io.atrium.local.apigateway.Route;
import io.atrium.local.observe.RequestRecord;
import io.atrium.local.observe.SpanRecord;
import io.atrium.local.observe.Telemetry;
import io.atrium.local.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The console's JSON answers (documented in local/README.md): requests filtered by tenant, stack and status; a trace's
 * spans; a request's log lines; the stacks with their base URLs, routes and OpenAPI descriptions.
 */
final class ConsoleApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 2000;

    private final LocalRuntime runtime;
    private final Telemetry telemetry;

    ConsoleApi(LocalRuntime runtime, Telemetry telemetry) {
        this.runtime = runtime;
        this.telemetry = telemetry;
    }

    /** {@code {"items": [...]}}, newest first; {@code status} is a code ({@code 404}) or a class ({@code 4xx}). */
    Map<String, Object> requests(Map<String, String> query) {
        Predicate<RequestRecord> filter = r -> true;
        String tenant = blankToNull(query.get("tenantId"));
        String stack = blankToNull(query.get("stack"));
        String status = blankToNull(query.get("status"));
        if (tenant != null) {
            filter = filter.and(r -> tenant.equals(r.tenantId()));
        }
        if (stack != null) {
            filter = filter.and(r -> stack.equals(r.stack()));
        }
        if (status != null) {
            filter = filter.and(r -> statusMatches(status, r.status()));
        }
        return Map.of("items", telemetry.requests(filter, limit(query.get("limit"))));
    }

    /** {@code {"traceId", "spans": [...]}}, spans by start time; null when the trace is unknown. */
    Map<String, Object> trace(String traceId) {
        List<SpanRecord> spans = new ArrayList<>(telemetry.trace(traceId));
        if (spans.isEmpty()) {
            return null;
        }
        spans.sort(Comparator.comparing(SpanRecord::startedAt));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traceId", traceId);
        out.put("spans", spans);
        return out;
    }

    Map<String, Object> logs(String requestId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", requestId);
        out.put("lines", telemetry.logs(requestId));
        return out;
    }

    /** {@code {"stacks": [{"name", "baseUrl", "openapi", "routes": [{"method", "path", "function", "authorizer"}]}]}}. */
    Map<String, Object> stacks() {
        List<Map<String, Object>> stacks = new ArrayList<>();
        for (LocalRuntime.Endpoint e : runtime.endpoints()) {
            List<Map<String, Object>> routes = new ArrayList<>();
            e.api().routes().routes().stream()
                    .sorted(Comparator.comparing(Route::resourcePath).thenComparing(Route::method))
                    .forEach(r -> {
                        Map<String, Object> route = new LinkedHashMap<>();
                        route.put("method", r.method());
                        route.put("path", r.resourcePath());
                        route.put("function", r.function().name());
                        route.put("authorizer", r.authorizer() == null ? null : r.authorizer().name());
                        routes.add(route);
                    });
            Map<String, Object> stack = new LinkedHashMap<>();
            stack.put("name", e.key());
            stack.put("baseUrl", e.baseUrl().toString());
            stack.put("openapi", openApiFile(e.api().stack()).isPresent());
            stack.put("routes", routes);
            stacks.add(stack);
        }
        return Map.of("stacks", stacks);
    }

    /**
     * {@code {"items": [{"name", "expression", "enabled", "function", "url"}]}} by name: every schedule, and the URL whose
     * POST runs it now (the page's "run now").
     */
    Map<String, Object> schedules() {
        Map<String, String> urls = runtime.scheduleUrls();
        List<Map<String, Object>> items = new ArrayList<>();
        runtime.registry().schedules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", e.getKey());
            item.put("expression", e.getValue().definition().expression().toString());
            item.put("enabled", e.getValue().definition().enabled());
            item.put("function", e.getValue().targetName());
            item.put("url", urls.get(e.getKey()));
            items.add(item);
        });
        return Map.of("items", items);
    }

    /** The stack's {@code src/main/resources/openapi.json}, as its OpenApiHandler serves it. */
    Optional<String> openApi(String stack) {
        return openApiFile(stack).map(file -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private Optional<Path> openApiFile(String stack) {
        for (LocalStack s : runtime.stacks()) {
            if (s.definition().name().equals(stack)) {
                Path file = s.definition().dir().resolve("src/main/resources/openapi.json");
                return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean statusMatches(String wanted, int status) {
        if (wanted.length() == 3 && wanted.endsWith("xx") && Character.isDigit(wanted.charAt(0))) {
            return status / 100 == wanted.charAt(0) - '0';
        }
        return wanted.equals(Integer.toString(status));
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
