package io.atrium.local.streams;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.stack.EventSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A function's {@code DynamoDB} event: its table's stream on DynamoDB Local polled into the function as Lambda's
 * event source mapping does (ADR 0106). Every shard is followed, a child only once its parent is read to its end;
 * shards found later (DynamoDB rolls them over) start at their first record. One thread per event source.
 */
public final class StreamEventSource implements EventSource {

    /** How often an idle source looks for new records (Lambda: four times a second; here ten, for a short lag). */
    static final long POLL_INTERVAL_MS = 100;
    /** How often the stream's shards are listed again. */
    static final long DISCOVERY_INTERVAL_MS = 1000;

    /** Where the source reads: the stream on DynamoDB Local and the ARN the template names it by. */
    public record Stream(DynamoDbStreamsClient client, String streamArn, String eventSourceArn, String region) {
    }

    /**
     * Where invocations and given-up records go.
     *
     * @param onFailure sends a message to the on-failure destination; null when there is none
     * @param log       where given-up records and read failures are reported
     */
    public record Target(EventInvoker invoker, String functionArn, Consumer<String> onFailure, PrintStream log) {
    }

    private final String name;
    private final Stream stream;
    private final MappingSettings settings;
    private final Target target;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ShardConsumer> consumers = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private volatile boolean closed;
    private Thread thread;
    private long discoveredAt;
    private String lastError;

    public StreamEventSource(String name, Stream stream, MappingSettings settings, Target target) {
        this.name = name;
        this.stream = stream;
        this.settings = settings;
        this.target = target;
    }

    @Override
    public String name() {
        return name;
    }

    /** Fixes the starting position on the shards there are now, then polls in the background. */
    @Override
    public synchronized void start() {
        discover(settings.fromLatest());
        thread = new Thread(this::run, "stream " + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stream.client().close();
    }

    private void run() {
        while (!closed) {
            boolean worked;
            try {
                if (System.currentTimeMillis() - discoveredAt >= DISCOVERY_INTERVAL_MS) {
                    discover(false);
                }
                worked = stepShards();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                report(e);
                worked = false;
            }
            if (!worked && !pause(POLL_INTERVAL_MS)) {
                return;
            }
        }
    }

    /** One step on every shard whose parent is done; whether any of them did something. */
    private boolean stepShards() {
        boolean worked = false;
        for (ShardConsumer consumer : new ArrayList<>(consumers.values())) {
            String parent = parents.get(consumer.shardId());
            if (parent != null && consumers.containsKey(parent)) {
                continue;
            }
            worked |= consumer.step();
            if (consumer.finished()) {
                consumers.remove(consumer.shardId());
                finished.add(consumer.shardId());
            }
        }
        lastError = null;
        return worked;
    }

    /** Lists the shards; new ones get a consumer (at the first start from {@code fromLatest}, later from their start). */
    private void discover(boolean fromLatest) {
        discoveredAt = System.currentTimeMillis();
        for (Shard shard : shards()) {
            String id = shard.shardId();
            if (consumers.containsKey(id) || finished.contains(id)) {
                continue;
            }
            boolean closedShard = shard.sequenceNumberRange() != null
                    && shard.sequenceNumberRange().endingSequenceNumber() != null;
            if (fromLatest && closedShard) {
                finished.add(id); // LATEST: what a closed shard holds was written before the start
                continue;
            }
            if (shard.parentShardId() != null) {
                parents.put(id, shard.parentShardId());
            }
            ShardReader reader = new ShardReader(stream.client(), stream.streamArn(), id, fromLatest,
                    stream.eventSourceArn(), stream.region());
            consumers.put(id, new ShardConsumer(reader, settings, target, clock));
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription page = stream.client().describeStream(r -> r.streamArn(stream.streamArn())
                    .exclusiveStartShardId(start)).streamDescription();
            shards.addAll(page.shards());
            after = page.lastEvaluatedShardId();
        } while (after != null);
        return shards;
    }

    private void report(RuntimeException e) {
        String message = e.getClass().getName(); // once per kind of failure, not per request id
        if (!message.equals(lastError)) {
            target.log().printf("%s: reading the stream failed, retrying: %s%n", name, e);
            lastError = message;
        }
        pause(1_000);
    }

    private boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
