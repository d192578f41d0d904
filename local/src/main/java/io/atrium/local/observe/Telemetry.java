package io.atrium.local.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the local runtime saw, for the console: the last {@value #KEPT} requests (newest first), their log lines and
 * the spans of their traces, from the gateway's own steps and from the functions' X-Ray documents.
 */
public final class Telemetry implements AutoCloseable {
    /** Requests, traces and log sets kept; older ones are dropped. */
    static final int KEPT = 2000;
    /** Lines kept per request. */
    static final int LINES_PER_REQUEST = 1000;

    private final Deque<RequestRecord> requests = new ArrayDeque<>();
    private final Map<String, List<SpanRecord>> traces = bounded();
    private final Map<String, List<String>> logs = bounded();
    private final XRayDaemon daemon;

    private Telemetry() {
        LogCapture.install();
        this.daemon = XRayDaemon.start(this::span);
    }

    public static Telemetry start() {
        return new Telemetry();
    }

    /** Where functions send their segment documents ({@code AWS_XRAY_DAEMON_ADDRESS}). */
    public String daemonAddress() {
        return daemon.address();
    }

    /** Starts recording one API request (a new trace). */
    public RequestTrace begin(String stack, String method, String path, String requestId) {
        return RequestTrace.ofRequest(this, stack, method, path, requestId);
    }

    /**
     * Starts recording one invocation of {@code stack}'s function {@code logicalId} by an event source
     * ({@code sqs:order/OrderQueue}, {@code stream:shared/OrderTable},
     * {@code schedule:contract/QueueDueContractsFunctionDailyExpiry}): a new trace, listed with the requests. {@code telemetry} null (a runtime without console): records nothing.
     */
    public static RequestTrace beginInvocation(Telemetry telemetry, String stack, String source, String logicalId,
            String requestId) {
        return telemetry == null ? RequestTrace.unrecorded(requestId)
                : RequestTrace.ofInvocation(telemetry, stack, source, logicalId, requestId);
    }

    synchronized void request(RequestRecord record) {
        requests.addFirst(record);
        while (requests.size() > KEPT) {
            requests.removeLast();
        }
    }

    public synchronized void span(String traceId, SpanRecord span) {
        traces.computeIfAbsent(traceId, k -> new ArrayList<>()).add(span);
    }

    public synchronized void log(String requestId, String line) {
        List<String> lines = logs.computeIfAbsent(requestId, k -> new ArrayList<>());
        if (lines.size() < LINES_PER_REQUEST) {
            lines.add(line);
        }
    }

    /** The newest requests first, those {@code filter} keeps, at most {@code limit}. */
    public synchronized List<RequestRecord> requests(Predicate<RequestRecord> filter, int limit) {
        return requests.stream().filter(filter).limit(limit).toList();
    }

    /** The spans of a trace in the order they ended (empty when unknown). */
    public synchronized List<SpanRecord> trace(String traceId) {
        return List.copyOf(traces.getOrDefault(traceId, List.of()));
    }

    public synchronized List<String> logs(String requestId) {
        return List.copyOf(logs.getOrDefault(requestId, List.of()));
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    @Override
    public void close() {
        daemon.close();
    }
}
