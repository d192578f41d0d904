package io.atrium.shared.trace;

import io.atrium.shared.snapstart.SnapStart;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The trace of the invocation running on this thread: its trace header (from Lambda), whether it is the
 * container's first (cold start), the handler's span and the spans open inside it. Log lines read the trace
 * id from here; the AWS SDK's {@link AwsCallSpans} adds a span per call. At its {@link #end} the handler's
 * span, with every call in it, goes to the X-Ray daemon when the trace is sampled and a daemon is configured.
 */
public final class Invocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();
    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    static {
        SnapStart.prime(XRayDaemon.class, XRayDaemon::prime);
    }

    private final TraceHeader header;
    private final boolean coldStart;
    private final Span root;
    private final Deque<Span> open = new ArrayDeque<>();

    private Invocation(TraceHeader header, String name) {
        this(header, name, FIRST.getAndSet(false));
    }

    private Invocation(TraceHeader header, String name, boolean coldStart) {
        this.header = header;
        this.coldStart = coldStart;
        this.root = new Span(name, null);
        open.push(root);
    }

    /** Starts the invocation's trace on this thread from Lambda's trace header (null or malformed: no trace id). */
    public static Invocation begin(String traceHeader, String name) {
        Invocation invocation = new Invocation(TraceHeader.parse(traceHeader), name);
        CURRENT.set(invocation);
        return invocation;
    }

    /**
     * Runs {@code work} as a piece of another trace, the one {@code traceHeader} names (a queued message's
     * {@code AWSTraceHeader}): a span {@code name} under the header's parent, holding the AWS calls {@code work}
     * makes, sent when it ends; then the invocation's own trace goes on. Without a valid header, just runs it.
     */
    public static <T> T continuing(String traceHeader, String name, Supplier<T> work) {
        TraceHeader continued = TraceHeader.parse(traceHeader);
        Invocation outer = CURRENT.get();
        if (continued == null) {
            return work.get();
        }
        Invocation piece = new Invocation(continued, name, outer != null && outer.coldStart);
        CURRENT.set(piece);
        try {
            return work.get();
        } finally {
            piece.end();
            if (outer != null) {
                CURRENT.set(outer);
            }
        }
    }

    /** The trace header for what the innermost open span hands work to (a queued message), or null outside a trace. */
    public static String currentHeader() {
        Invocation invocation = CURRENT.get();
        if (invocation == null || invocation.header == null) {
            return null;
        }
        return invocation.headerUnder(invocation.open.isEmpty() ? invocation.root : invocation.open.peek()).format();
    }

    /** The invocation running on this thread, or null outside one (init, tests of a service alone). */
    public static Invocation current() {
        return CURRENT.get();
    }

    /** The trace id ({@code 1-5759e988-bd862e3fe1be46a994272793}), or null when Lambda gave none. */
    public String traceId() {
        return header == null ? null : header.root();
    }

    public boolean coldStart() {
        return coldStart;
    }

    /** The handler's span, where the request's annotations go. */
    public Span span() {
        return root;
    }

    /** Opens a span inside the innermost open one. */
    public Span start(String name, String namespace) {
        Span span = new Span(name, namespace);
        open.peek().add(span);
        open.push(span);
        return span;
    }

    /** Closes {@code span} (and whatever was left open inside it). */
    public void end(Span span) {
        span.end();
        if (open.contains(span)) {
            while (open.peek() != span) {
                open.pop().end();
            }
            open.pop();
        }
    }

    /** The header to hand on to what {@code span} calls (an AWS request, a queued message): same trace, under it. */
    public TraceHeader headerUnder(Span span) {
        return header == null ? null : header.under(span.id());
    }

    /** Ends the handler's span, sends the trace when sampled, and leaves the thread. */
    public void end() {
        while (!open.isEmpty()) {
            open.pop().end();
        }
        CURRENT.remove();
        if (header != null && header.sampled()) {
            XRayDaemon.fromEnvironment().send(header.root(), header.parent(), root);
        }
    }
}
