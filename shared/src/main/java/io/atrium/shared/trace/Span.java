package io.atrium.shared.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One timed piece of work (an X-Ray subsegment): the handler, or one AWS call in it. Annotations are indexed
 * by X-Ray (tenant_id, request_id, endpoint); {@code aws} holds what X-Ray shows of an AWS call (operation,
 * table, request id). Never a token, a secret or a body.
 */
public final class Span {
    private final String id = TraceHeader.newId();
    private final String name;
    private final String namespace;
    private final long startMicros = epochMicros();
    private final long startNanos = System.nanoTime();
    private long endMicros;
    private final Map<String, Object> annotations = new LinkedHashMap<>();
    private final Map<String, Object> aws = new LinkedHashMap<>();
    private final List<Span> children = new ArrayList<>();
    private Integer status;
    private boolean error;
    private boolean throttle;
    private boolean fault;
    private String cause;

    Span(String name, String namespace) {
        this.name = name;
        this.namespace = namespace;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Span annotate(String key, Object value) {
        if (value != null) {
            annotations.put(key, value);
        }
        return this;
    }

    public Span aws(String key, Object value) {
        if (value != null) {
            aws.put(key, value);
        }
        return this;
    }

    /** The HTTP status the call or request ended with: 429 is a throttle, other 4xx an error, 5xx a fault. */
    public Span status(int httpStatus) {
        status = httpStatus;
        throttle |= httpStatus == 429;
        error |= httpStatus >= 400 && httpStatus < 500;
        fault |= httpStatus >= 500;
        return this;
    }

    /** The failure that ended it, by type only (messages may quote data). */
    public Span failed(Throwable failure, boolean throttled) {
        cause = failure.getClass().getName();
        throttle |= throttled;
        if (!error && !throttle) {
            fault = true;
        }
        return this;
    }

    List<Span> children() {
        return children;
    }

    void add(Span child) {
        children.add(child);
    }

    void end() {
        if (endMicros == 0) {
            endMicros = startMicros + (System.nanoTime() - startNanos) / 1000;
        }
    }

    /** The subsegment document X-Ray's daemon takes, with its children nested. */
    Map<String, Object> document(String traceId, String parentId, boolean nested) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("id", id);
        doc.put("start_time", startMicros / 1e6);
        doc.put("end_time", (endMicros == 0 ? startMicros + (System.nanoTime() - startNanos) / 1000 : endMicros) / 1e6);
        if (traceId != null) {
            doc.put("trace_id", traceId);
        }
        if (parentId != null) {
            doc.put("type", "subsegment");
            doc.put("parent_id", parentId);
        }
        if (namespace != null) {
            doc.put("namespace", namespace);
        }
        if (!annotations.isEmpty()) {
            doc.put("annotations", annotations);
        }
        if (!aws.isEmpty()) {
            doc.put("aws", aws);
        }
        if (status != null) {
            doc.put("http", Map.of("response", Map.of("status", status)));
        }
        flags(doc);
        if (nested && !children.isEmpty()) {
            List<Map<String, Object>> inside = new ArrayList<>(children.size());
            for (Span child : children) {
                inside.add(child.document(null, null, true));
            }
            doc.put("subsegments", inside);
        }
        return doc;
    }

    private void flags(Map<String, Object> doc) {
        if (error || throttle) {
            doc.put("error", true);
        }
        if (throttle) {
            doc.put("throttle", true);
        }
        if (fault) {
            doc.put("fault", true);
        }
        if (cause != null) {
            doc.put("cause", Map.of("exceptions", List.of(Map.of("id", TraceHeader.newId(), "type", cause))));
        }
    }

    /** Wall-clock microseconds (a span's end is its start plus a monotonic duration, so SnapStart restores cannot skew it). */
    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
