package io.atrium.shared.metrics;

import io.atrium.shared.Platform;
import io.atrium.shared.json.Json;
import io.atrium.shared.trace.Invocation;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics as embedded metric format (EMF) lines on stdout: Lambda ships them to CloudWatch Logs, which
 * turns each into metrics in the {@value #NAMESPACE} namespace, with no client, no call and no dependency. Each
 * line names its dimension sets; the values stay searchable in Logs Insights (with the trace id).
 * Requests are counted per endpoint and per tenant (two dimension sets, not their product, so the number of
 * metrics grows with tenants plus endpoints).
 */
public final class Metrics {
    /** The namespace without {@code METRICS_NAMESPACE} (the templates set {@code Atrium/{Stage}}). */
    public static final String NAMESPACE = "Atrium";
    private static final PrintStream OUT = System.out;

    private final String namespace;
    private final String service;

    public Metrics(String namespace, String service) {
        this.namespace = namespace;
        this.service = service;
    }

    /** The service's metrics in the namespace of the function's {@code METRICS_NAMESPACE} setting. */
    public static Metrics of(String service) {
        return new Metrics(Platform.config().optional("METRICS_NAMESPACE").orElse(NAMESPACE), service);
    }

    /** One API request: {@code Requests}, {@code Status4xx}, {@code Status5xx}, {@code Latency} (ms). */
    public void request(String endpoint, String tenantId, int status, long latencyMs) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Requests", 1);
        values.put("Status4xx", status >= 400 && status < 500 ? 1 : 0);
        values.put("Status5xx", status >= 500 ? 1 : 0);
        values.put("Latency", latencyMs);
        List<List<String>> dimensions = new ArrayList<>();
        dimensions.add(List.of("Service", "Endpoint"));
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Endpoint", endpoint);
        if (tenantId != null) {
            dimensions.add(List.of("Service", "TenantId"));
            keys.put("TenantId", tenantId);
        }
        emit(dimensions, keys, values);
    }

    /**
     * A business count ({@code OrdersPlaced}, {@code ContractsExpired}, {@code AmountCharged}...), per service and,
     * when given, per one more dimension ({@code Currency}).
     */
    public void count(String metric, BigDecimal value, String dimension, String dimensionValue) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> set = new ArrayList<>(List.of("Service"));
        if (dimension != null) {
            set.add(dimension);
            keys.put(dimension, dimensionValue);
        }
        emit(List.of(set), keys, Map.of(metric, value));
    }

    public void count(String metric, long value) {
        count(metric, BigDecimal.valueOf(value), null, null);
    }

    /**
     * What a worker's batch came to, per {@code Operation}: a count per outcome word ({@code confirmed},
     * {@code expired}: the business counts of the queues) and {@code Failed} items.
     */
    public void outcomes(String operation, Map<String, Integer> counts, int failed) {
        Map<String, Object> values = new LinkedHashMap<>(counts);
        values.put("Failed", failed);
        emit(List.of(List.of("Service", "Operation")), Map.of("Operation", operation), values);
    }

    /** Latency in milliseconds, money ({@code Amount...}) without a unit, everything else a count. */
    private static String unit(String metric) {
        return "Latency".equals(metric) ? "Milliseconds" : metric.startsWith("Amount") ? "None" : "Count";
    }

    /**
     * Builds, without printing, a request line and a money count, so their JSON writers (BigDecimal's among them)
     * exist before the SnapStart snapshot (ADR 0016).
     */
    public void prime() {
        line(List.of(List.of("Service", "Endpoint")), Map.of("Endpoint", "GET /snapstart-priming"), Map.of("Requests", 1, "Latency", 0L));
        line(List.of(List.of("Service")), Map.of(), Map.of("AmountPriming", BigDecimal.ONE));
    }

    private void emit(List<List<String>> dimensions, Map<String, String> keys, Map<String, Object> values) {
        String text = line(dimensions, keys, values);
        synchronized (OUT) {
            OUT.println(text);
        }
    }

    private String line(List<List<String>> dimensions, Map<String, String> keys, Map<String, Object> values) {
        List<Map<String, String>> definitions = new ArrayList<>();
        for (String name : values.keySet()) {
            definitions.add(Map.of("Name", name, "Unit", unit(name)));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics",
                List.of(Map.of("Namespace", namespace, "Dimensions", dimensions, "Metrics", definitions))));
        line.put("Service", service);
        line.putAll(keys);
        line.putAll(values);
        Invocation invocation = Invocation.current();
        if (invocation != null && invocation.traceId() != null) {
            line.put("traceId", invocation.traceId());
        }
        return Json.write(line);
    }
}
