package io.atrium.shared.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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

    /**
     * Writes the subsegment document X-Ray's daemon takes, with its children nested when {@code nested}. Streamed
     * (no maps built, no serializer looked up): this runs at the end of every sampled invocation.
     */
    void write(JsonGenerator out, String traceId, String parentId, boolean nested) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", name);
        out.writeStringField("id", id);
        out.writeNumberField("start_time", startMicros / 1e6);
        out.writeNumberField("end_time", (endMicros == 0 ? startMicros + (System.nanoTime() - startNanos) / 1000 : endMicros) / 1e6);
        if (traceId != null) {
            out.writeStringField("trace_id", traceId);
        }
        if (parentId != null) {
            out.writeStringField("type", "subsegment");
            out.writeStringField("parent_id", parentId);
        }
        if (namespace != null) {
            out.writeStringField("namespace", namespace);
        }
        writeMap(out, "annotations", annotations);
        writeMap(out, "aws", aws);
        if (status != null) {
            out.writeObjectFieldStart("http");
            out.writeObjectFieldStart("response");
            out.writeNumberField("status", status);
            out.writeEndObject();
            out.writeEndObject();
        }
        writeFlags(out);
        if (nested && !children.isEmpty()) {
            out.writeArrayFieldStart("subsegments");
            for (Span child : children) {
                child.write(out, null, null, true);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void writeMap(JsonGenerator out, String field, Map<String, Object> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.writeFieldName(e.getKey());
            Object value = e.getValue();
            if (value instanceof Integer || value instanceof Long) {
                out.writeNumber(((Number) value).longValue());
            } else if (value instanceof Number n) {
                out.writeNumber(n.doubleValue());
            } else if (value instanceof Boolean b) {
                out.writeBoolean(b);
            } else {
                out.writeString(String.valueOf(value));
            }
        }
        out.writeEndObject();
    }

    private void writeFlags(JsonGenerator out) throws IOException {
        if (error || throttle) {
            out.writeBooleanField("error", true);
        }
        if (throttle) {
            out.writeBooleanField("throttle", true);
        }
        if (fault) {
            out.writeBooleanField("fault", true);
        }
        if (cause != null) {
            out.writeObjectFieldStart("cause");
            out.writeArrayFieldStart("exceptions");
            out.writeStartObject();
            out.writeStringField("id", TraceHeader.newId());
            out.writeStringField("type", cause);
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** Wall-clock microseconds (a span's end is its start plus a monotonic duration, so SnapStart restores cannot skew it). */
    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
