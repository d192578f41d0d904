package io.atrium.shared.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.atrium.shared.json.Json;
import io.atrium.shared.log.JsonLog;
import io.atrium.shared.metrics.Metrics;
import io.atrium.shared.snapstart.SnapStart;
import io.atrium.shared.trace.Invocation;
import io.atrium.shared.trace.Tracing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every event-driven function does around its items (SQS messages, stream records): parse AWS's event
 * with the layer's one mapper, handle each item on its own, answer AWS's partial batch response naming the
 * items that failed (so a failure never fails the whole batch), and log one line per batch with what
 * happened to its items plus one line per failed item.
 *
 * @param <E> the event type, a record of this package
 * @param <I> one item of it
 */
public abstract class BatchHandler<E, I> implements RequestStreamHandler {
    private final String operation;
    private final JsonLog log;
    private final Metrics metrics;
    private final ObjectReader reader;

    protected BatchHandler(String service, String operation, Class<E> eventType) {
        this.operation = operation;
        this.log = new JsonLog(service);
        this.metrics = Metrics.of(service);
        // AWS adds fields to its events over time; only the ones our records name are read.
        this.reader = Json.MAPPER.readerFor(eventType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // before the SnapStart snapshot (ADR 0016): the event's deserialisers, on an empty batch that handles nothing
        SnapStart.prime(getClass(), this::readEmptyBatch);
    }

    private void readEmptyBatch() {
        try {
            reader.readValue("{\"Records\":[]}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of the event, in the order AWS delivered them. */
    protected abstract List<I> items(E event);

    /** What AWS's partial batch response names the item by: an SQS message id, a stream sequence number. */
    protected abstract String identifier(I item);

    /** The trace an item's work continues (a message's {@code AWSTraceHeader}), or null: the invocation's own. */
    protected String traceHeader(I item) {
        return null;
    }

    /**
     * Handles the batch, telling {@code outcomes} what became of each item: {@link Outcomes#done} with a word
     * for the log ({@code confirmed}, {@code ignored}) or {@link Outcomes#failed}, which makes AWS deliver that
     * item again (and, after its retries, to its DLQ or on-failure destination). Most handlers handle items one
     * by one with {@link Outcomes#each}; a handler that batches its writes does its own bookkeeping.
     */
    protected abstract void handleAll(List<I> items, Outcomes<I> outcomes);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        Invocation invocation = Invocation.begin(Tracing.header(context), operation);
        invocation.span().annotate("request_id", requestId);
        try {
            handleBatch(input, output, requestId, started);
        } finally {
            invocation.end();
        }
    }

    private void handleBatch(InputStream input, OutputStream output, String requestId, long started) throws IOException {
        // An event that is not AWS's shape names no item to retry: then the invocation fails as a whole.
        E event = reader.readValue(input);
        List<I> items = items(event);
        Outcomes<I> outcomes = new Outcomes<>(this, requestId);
        handleAll(items, outcomes);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", requestId);
        line.put("operation", operation);
        line.put("items", items.size());
        line.put("outcomes", outcomes.counts);
        line.put("failed", outcomes.failures.size());
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        metrics.outcomes(operation, outcomes.counts, outcomes.failures.size());
        if (outcomes.failures.isEmpty()) {
            log.info(line);
        } else {
            log.error(line);
        }
        Json.MAPPER.writeValue(output, new BatchResponse(outcomes.failures));
    }

    /** Reads a message body into one of the module's records, strictly (unknown fields are refused). */
    protected static <T> T parse(String body, Class<T> type) {
        if (body == null) {
            throw new IllegalArgumentException("the message has no body");
        }
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message body is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** What became of a batch's items: a count per outcome word, and the failed items for AWS's response. */
    public static final class Outcomes<I> {
        private final BatchHandler<?, I> handler;
        private final String requestId;
        private final Map<String, Integer> counts = new TreeMap<>();
        private final List<BatchResponse.ItemFailure> failures = new ArrayList<>();

        private Outcomes(BatchHandler<?, I> handler, String requestId) {
            this.handler = handler;
            this.requestId = requestId;
        }

        /**
         * Hands each item to {@code handle} on its own, in the trace the item carries; an exception fails that item
         * only.
         */
        public void each(List<I> items, Function<I, String> handle) {
            for (I item : items) {
                try {
                    done(Invocation.continuing(handler.traceHeader(item), handler.operation, () -> handle.apply(item)));
                } catch (RuntimeException e) {
                    failed(item, e);
                }
            }
        }

        public void done(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }

        public void failed(I item, RuntimeException error) {
            String identifier = handler.identifier(item);
            if (identifier == null || identifier.isEmpty()) {
                // AWS would read an empty identifier as "the whole batch failed"; say so plainly instead.
                throw new IllegalStateException("an item without an identifier failed", error);
            }
            failures.add(new BatchResponse.ItemFailure(identifier));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("requestId", requestId);
            line.put("operation", handler.operation);
            line.put("item", identifier);
            line.put("error", error.getClass().getName() + ": " + error.getMessage());
            handler.log.error(line);
        }
    }
}
