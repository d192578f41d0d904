package io.atrium.local.sqs;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.stack.EventSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A function's SQS event source mapping, as Lambda's poller runs it: long-polls the queue, gathers up to
 * {@code BatchSize} messages for at most {@code MaximumBatchingWindowInSeconds} after the first, invokes the
 * function and deletes what it handled. A failed invocation deletes nothing (the batch comes back after the
 * visibility timeout); with {@code ReportBatchItemFailures} only the ids the function names come back. Receive
 * counts and the move to the DLQ at {@code maxReceiveCount} are the queue's (ElasticMQ's).
 */
public final class SqsEventSource implements EventSource {

    /** SQS hands out at most ten messages per receive, and waits at most 20 s. */
    private static final int RECEIVE_MAX = 10;
    private static final int LONG_POLL_SECONDS = 20;

    /** What the template's event says. */
    public record Mapping(String name, String queueUrl, String queueArn, int batchSize, Duration window,
            boolean reportFailures) {
    }

    private final Mapping mapping;
    private final SqsClient sqs;
    private final EventInvoker invoker;
    private final PrintStream log;
    private volatile boolean closed;
    private Thread poller;

    public SqsEventSource(Mapping mapping, SqsClient sqs, EventInvoker invoker, PrintStream log) {
        this.mapping = mapping;
        this.sqs = sqs;
        this.invoker = invoker;
        this.log = log;
    }

    @Override
    public String name() {
        return mapping.name();
    }

    @Override
    public synchronized void start() {
        poller = new Thread(this::poll, "sqs-poller " + mapping.name());
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.interrupt();
        }
    }

    private void poll() {
        while (!closed) {
            try {
                List<Message> batch = batch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.printf("%s: polling failed, again in 1 s: %s%n", mapping.name(), e);
                pause();
            }
        }
    }

    /** Up to BatchSize messages: the first receive long-polls, the next ones fill the batch within the window. */
    private List<Message> batch() {
        List<Message> batch = new ArrayList<>(receive(LONG_POLL_SECONDS, Math.min(RECEIVE_MAX, mapping.batchSize())));
        if (batch.isEmpty()) {
            return batch;
        }
        long deadline = System.nanoTime() + mapping.window().toNanos();
        while (batch.size() < mapping.batchSize() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int waitSeconds = (int) Math.min(LONG_POLL_SECONDS, Math.max(1, Duration.ofNanos(left).toSeconds()));
            batch.addAll(receive(waitSeconds, Math.min(RECEIVE_MAX, mapping.batchSize() - batch.size())));
        }
        return batch;
    }

    private List<Message> receive(int waitSeconds, int max) {
        return sqs.receiveMessage(r -> r.queueUrl(mapping.queueUrl()).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        LocalFunction.Result result = invoker.invoke(SqsRecords.event(batch, mapping.queueArn()),
                UUID.randomUUID().toString(), r -> !r.ok() || !Set.of().equals(failedIds(r, ids)));
        if (!result.ok()) {
            log.printf("%s: the function failed (%s), %d messages return after the visibility timeout%n",
                    mapping.name(), result.errorType(), batch.size());
            return;
        }
        Set<String> failed = failedIds(result, ids);
        if (failed == null) {
            log.printf("%s: the batch item failures answer is invalid, so the whole batch failed%n", mapping.name());
            return;
        }
        delete(batch.stream().filter(m -> !failed.contains(m.messageId())).toList());
    }

    /** The ids of the messages the answer names as failed; null when the answer is no valid batch response. */
    private Set<String> failedIds(LocalFunction.Result result, Set<String> ids) {
        return mapping.reportFailures() ? BatchItemFailures.of(result.output(), ids) : Set.of();
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += RECEIVE_MAX) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message m : done.subList(from, Math.min(done.size(), from + RECEIVE_MAX))) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .receiptHandle(m.receiptHandle()).build());
            }
            var failed = sqs.deleteMessageBatch(r -> r.queueUrl(mapping.queueUrl()).entries(entries)).failed();
            failed.forEach(f -> log.printf("%s: a handled message was not deleted (%s: %s); it comes back%n",
                    mapping.name(), f.code(), f.message()));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
