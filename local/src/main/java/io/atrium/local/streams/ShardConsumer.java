package io.atrium.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.lambda.LocalFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * One shard feeding one function, one batch at a time (Lambda runs one invocation per shard at a time): reads
 * the shard, invokes the function with each batch {@link ShardBatches} forms, and sends what it gives up to the
 * on-failure destination.
 */
final class ShardConsumer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShardReader reader;
    private final ShardBatches batches;
    private final MappingSettings settings;
    private final StreamEventSource.Target target;
    private final Clock clock;
    /** When the records now waiting began to gather (read here: DynamoDB Local's arrival times are to the minute). */
    private Instant gatheringSince;
    /** A batch that failed is retried no earlier than this (a poison record must not spin a core). */
    private Instant retryAt = Instant.MIN;

    ShardConsumer(ShardReader reader, MappingSettings settings, StreamEventSource.Target target, Clock clock) {
        this.reader = reader;
        this.batches = new ShardBatches(settings);
        this.settings = settings;
        this.target = target;
        this.clock = clock;
    }

    String shardId() {
        return reader.shardId();
    }

    /** The shard is closed and every record of it was handled or given up: its children may start. */
    boolean finished() {
        return reader.ended() && batches.waiting() == 0;
    }

    /** Reads and invokes once if there is something to do; whether it did. */
    boolean step() {
        boolean read = false;
        if (batches.waiting() < settings.batchSize() && !reader.ended()) {
            var items = reader.read(settings.batchSize() - batches.waiting());
            if (batches.waiting() == 0) {
                gatheringSince = clock.instant();
            }
            batches.add(items);
            read = !items.isEmpty();
        }
        Instant now = clock.instant();
        ShardBatches.Discarded expired = batches.expire(now);
        if (expired != null) {
            giveUp(expired, null);
        }
        if (batches.waiting() == 0 || gathering(now) || now.isBefore(retryAt)) {
            return read || expired != null;
        }
        ShardBatches.Batch batch = batches.next();
        String requestId = UUID.randomUUID().toString();
        LocalFunction.Result result = target.invoker().invoke(event(batch), requestId,
                r -> !InvocationOutcome.of(r, batch.records(), settings.reportItemFailures()).succeeded());
        ShardBatches.Discarded given = batches.completed(InvocationOutcome.of(result, batch.records(),
                settings.reportItemFailures()));
        if (given != null) {
            giveUp(given, requestId);
        }
        int retries = batches.retriesOfNext();
        retryAt = retries == 0 ? Instant.MIN : clock.instant().plusMillis(backoffMs(retries));
        return true;
    }

    /** The pause before the {@code retry}th retry of a batch: 100 ms, doubling, at most 2 s. */
    static long backoffMs(int retry) {
        return Math.min(2_000, 100L << Math.min(5, retry - 1));
    }

    /** Fewer records than a batch wait, the shard is open and the batching window has not passed. */
    private boolean gathering(Instant now) {
        if (settings.batchingWindowMs() <= 0 || batches.waiting() >= settings.batchSize() || reader.ended()) {
            return false;
        }
        return gatheringSince.plusMillis(settings.batchingWindowMs()).isAfter(now);
    }

    private static ObjectNode event(ShardBatches.Batch batch) {
        ObjectNode event = JSON.createObjectNode();
        var records = event.putArray("Records");
        batch.records().forEach(item -> records.add(item.lambdaRecord()));
        return event;
    }

    private void giveUp(ShardBatches.Discarded discarded, String requestId) {
        String first = discarded.records().get(0).sequenceNumber();
        String last = discarded.records().get(discarded.records().size() - 1).sequenceNumber();
        target.log().printf("%s: %s gave up %d stream records of %s (%s .. %s) after %d invocations%s%n",
                target.invoker().function().name(), discarded.condition(), discarded.records().size(), reader.shardId(), first,
                last, discarded.invokeCount(), target.onFailure() == null ? "; no on-failure destination" : "");
        if (target.onFailure() != null) {
            target.onFailure().accept(FailureRecord.json(discarded, reader.shardId(), reader.eventSourceArn(),
                    target.functionArn(), requestId == null ? UUID.randomUUID().toString() : requestId, clock.instant()));
        }
    }
}
