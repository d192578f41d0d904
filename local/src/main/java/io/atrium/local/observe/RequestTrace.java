package io.atrium.local.observe;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace of one API request while the gateway serves it: a new X-Ray trace whose root span is the gateway's,
 * with a span per step the gateway takes (authorizer, usage plan, the Lambda invocation and its init); or of one
 * invocation by an event source (a queue's or a stream's poller, a schedule), whose root span is the source's. Functions
 * get {@link #headerUnder} as their trace header, so their own spans hang under the invocation's. Without a
 * {@link Telemetry} (a runtime built without one) nothing is recorded, but functions still get a header.
 */
public final class RequestTrace {
    private final Telemetry telemetry;
    private final String stack;
    private final String method;
    private final String path;
    private final String requestId;
    private final String source;
    private final String rootName;
    private final String traceId = newRoot();
    private final String rootId = newId();
    private final long startMicros = nowMicros();
    private final long startNanos = System.nanoTime();
    private volatile String tenantId;

    private RequestTrace(Telemetry telemetry, String stack, String method, String path, String requestId, String source,
            String rootName) {
        this.telemetry = telemetry;
        this.stack = stack;
        this.method = method;
        this.path = path;
        this.requestId = requestId;
        this.source = source;
        this.rootName = rootName;
    }

    /** A request through {@code stack}'s API: the root span is the gateway's. */
    static RequestTrace ofRequest(Telemetry telemetry, String stack, String method, String path, String requestId) {
        return new RequestTrace(telemetry, stack, method, path, requestId, RequestRecord.API,
                stack + " API " + method + " " + path);
    }

    /**
     * An invocation of {@code stack}'s function {@code logicalId} by an event source ({@code sqs:order/OrderQueue}): the
     * root span is the poller's (or the schedule's), as Lambda's poller starts a new trace for each invocation.
     */
    static RequestTrace ofInvocation(Telemetry telemetry, String stack, String source, String logicalId, String requestId) {
        return new RequestTrace(telemetry, stack, RequestRecord.INVOKE, logicalId, requestId, source, source);
    }

    /** A trace that records nothing (no console). */
    public static RequestTrace unrecorded(String requestId) {
        return new RequestTrace(null, null, null, null, requestId, null, null);
    }

    public String traceId() {
        return traceId;
    }

    public String requestId() {
        return requestId;
    }

    /** The id of the gateway's own span, the root of the trace. */
    public String rootId() {
        return rootId;
    }

    /** The trace header a function called under span {@code parentId} gets: this trace, sampled. */
    public String headerUnder(String parentId) {
        return "Root=" + traceId + ";Parent=" + parentId + ";Sampled=1";
    }

    public void tenant(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Records a span from {@code startMicros} until now under {@code parentId}; returns its id. */
    public String span(String id, String parentId, String name, long startMicros, Map<String, Object> annotations) {
        return span(id, parentId, name, startMicros, nowMicros() - startMicros, annotations);
    }

    public String span(String id, String parentId, String name, long startMicros, long durationMicros,
            Map<String, Object> annotations) {
        if (telemetry != null) {
            telemetry.span(traceId, new SpanRecord(id, parentId, name, SpanRecord.ofMicros(startMicros),
                    durationMicros / 1000.0, annotations));
        }
        return id;
    }

    /** A line a function printed while serving this request. */
    public void log(String line) {
        if (telemetry != null) {
            telemetry.log(requestId, line);
        }
    }

    /** Ends the request: the gateway's span and the request's entry in the list. */
    public void finish(int status) {
        if (telemetry == null) {
            return;
        }
        long durationMicros = (System.nanoTime() - startNanos) / 1000;
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("request_id", requestId);
        annotations.put("status", status);
        if (tenantId != null) {
            annotations.put("tenant_id", tenantId);
        }
        span(rootId, null, rootName, startMicros, durationMicros, annotations);
        telemetry.request(new RequestRecord(requestId, traceId, stack, method, path, status, durationMicros / 1000,
                tenantId, SpanRecord.ofMicros(startMicros), source));
    }

    /** Lower-case hex, zero-padded to the type's width (no format pattern parsed per id). */
    private static final HexFormat HEX = HexFormat.of();

    /** Wall-clock microseconds. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** A span id as X-Ray makes them: 64 random bits in hex. */
    public static String newId() {
        return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "1-" + HEX.toHexDigits((int) (System.currentTimeMillis() / 1000)) + "-" + HEX.toHexDigits(random.nextInt())
                + HEX.toHexDigits(random.nextLong());
    }
}
