package io.atrium.local.streams;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The batches one shard's records go through, as Lambda's DynamoDB event source forms them (ADR 0106). Records
 * read from the shard wait here, in order, until a batch holding them succeeds or is given up: that is the
 * shard's checkpoint. Pure bookkeeping, no I/O:
 * <ul>
 * <li>a batch is up to {@code BatchSize} records from the checkpoint;</li>
 * <li>a partial batch response checkpoints before the lowest failed record and retries from it: one retry, or,
 * with {@code BisectBatchOnFunctionError}, a split at that record;</li>
 * <li>a batch that fails from its first record is split in two with {@code BisectBatchOnFunctionError} (a split
 * uses no retry), else retried whole; after {@code MaximumRetryAttempts} retries it is given up;</li>
 * <li>records older than {@code MaximumRecordAgeInSeconds} are given up before an invocation.</li>
 * </ul>
 */
final class ShardBatches {

    /** A batch to invoke the function with; {@code invokeCount} counts this invocation. */
    record Batch(List<StreamItem> records, int invokeCount) {
    }

    /** Records given up, for the on-failure destination. {@code condition} is Lambda's word for why. */
    record Discarded(List<StreamItem> records, String condition, int invokeCount, boolean functionError) {
        static final String RETRIES_EXHAUSTED = "RetryAttemptsExhausted";
        static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";
    }

    /** A batch still to come: the next {@code size} records after the checkpoint, retried {@code retries} times. */
    private record Pending(int size, int retries, int invokes) {
    }

    private final MappingSettings settings;
    private final Deque<StreamItem> waiting = new ArrayDeque<>();
    private final Deque<Pending> pending = new ArrayDeque<>();

    ShardBatches(MappingSettings settings) {
        this.settings = settings;
    }

    /** Records read from the shard, in its order. */
    void add(List<StreamItem> records) {
        waiting.addAll(records);
    }

    /** Records after the checkpoint. */
    int waiting() {
        return waiting.size();
    }

    /** Gives up the records at the checkpoint older than {@code MaximumRecordAgeInSeconds}; null when none are. */
    Discarded expire(Instant now) {
        if (settings.maxRecordAgeSeconds() < 0) {
            return null;
        }
        Instant limit = now.minusSeconds(settings.maxRecordAgeSeconds());
        List<StreamItem> expired = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.peekFirst().arrival().isBefore(limit)) {
            expired.add(waiting.pollFirst());
        }
        if (expired.isEmpty()) {
            return null;
        }
        int invokes = shrinkPending(expired.size());
        return new Discarded(expired, Discarded.RECORD_AGE_EXCEEDED, invokes, false);
    }

    /** How many times the next batch was retried already (0 for a new batch or one just split). */
    int retriesOfNext() {
        return pending.isEmpty() ? 0 : pending.peekFirst().retries();
    }

    /** The next batch, or null when no record waits. */
    Batch next() {
        if (waiting.isEmpty()) {
            return null;
        }
        if (pending.isEmpty()) {
            pending.add(new Pending(Math.min(settings.batchSize(), waiting.size()), 0, 0));
        }
        Pending head = pending.pollFirst();
        pending.addFirst(new Pending(head.size(), head.retries(), head.invokes() + 1));
        List<StreamItem> records = new ArrayList<>(head.size());
        for (StreamItem item : waiting) {
            if (records.size() == head.size()) {
                break;
            }
            records.add(item);
        }
        return new Batch(records, head.invokes() + 1);
    }

    /** Records what the invocation with {@link #next()}'s batch did; what it gives up, or null. */
    Discarded completed(InvocationOutcome outcome) {
        Pending head = pending.pollFirst();
        if (outcome.succeeded()) {
            checkpoint(head.size());
            return null;
        }
        int done = outcome.failedFrom();
        if (done > 0) {
            // the records before the lowest failure are done; the rest is retried as its own batch
            checkpoint(done);
            head = new Pending(head.size() - done, head.retries(), head.invokes());
            if (settings.bisect()) {
                pending.addFirst(head); // split at the failed record: a split uses no retry
                return null;
            }
        } else if (settings.bisect() && head.size() > 1) {
            int first = (head.size() + 1) / 2;
            pending.addFirst(new Pending(head.size() - first, head.retries(), head.invokes()));
            pending.addFirst(new Pending(first, head.retries(), head.invokes()));
            return null;
        }
        if (settings.maxRetries() >= 0 && head.retries() >= settings.maxRetries()) {
            List<StreamItem> given = checkpoint(head.size());
            return new Discarded(given, Discarded.RETRIES_EXHAUSTED, head.invokes(), outcome.functionError());
        }
        pending.addFirst(new Pending(head.size(), head.retries() + 1, head.invokes()));
        return null;
    }

    /** Moves the checkpoint past the next {@code count} records, returning them. */
    private List<StreamItem> checkpoint(int count) {
        List<StreamItem> passed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            passed.add(waiting.pollFirst());
        }
        return passed;
    }

    /** Takes {@code count} records off the front of the pending batches; the invocations the first of them had. */
    private int shrinkPending(int count) {
        int invokes = pending.isEmpty() ? 0 : pending.peekFirst().invokes();
        int left = count;
        while (left > 0 && !pending.isEmpty()) {
            Pending head = pending.pollFirst();
            if (head.size() > left) {
                pending.addFirst(new Pending(head.size() - left, head.retries(), head.invokes()));
                left = 0;
            } else {
                left -= head.size();
            }
        }
        return invokes;
    }
}
