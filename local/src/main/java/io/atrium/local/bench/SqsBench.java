package io.atrium.local.bench;

import io.atrium.local.sqs.SqsServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Measures what the local SQS (ElasticMQ in-process, ADR 0104) costs the runtime: its start in a fresh JVM and a
 * second start, the send -> receive -> delete round trip a queue poller does per message (p50/p99), a visibility
 * timeout expiring and a message reaching its DLQ, and the size of the jars it adds. Prints Markdown rows.
 *
 * <p>Usage: {@code SqsBench MESSAGES}
 */
public final class SqsBench {

    private SqsBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long t0 = System.nanoTime();
        SqsServer first = SqsServer.start(0, "us-east-1", "123456789012", null);
        long firstStart = ms(t0);
        first.close();
        t0 = System.nanoTime();
        try (SqsServer sqs = SqsServer.start(0, "us-east-1", "123456789012", null)) {
            long secondStart = ms(t0);
            row("ElasticMQ start, fresh JVM (loads its classes)", firstStart + " ms");
            row("ElasticMQ start, second in the same JVM", secondStart + " ms");
            roundTrips(sqs, messages);
            redrive(sqs);
        }
        row("jars it adds to the runtime (ElasticMQ, Pekko, Scala, their deps)", jarBytes() / 1024 / 1024 + " MiB");
    }

    private static void roundTrips(SqsServer sqs, int messages) {
        String url = sqs.create("bench/Queue", "bench-queue", Map.of());
        SqsClient c = sqs.client();
        for (int i = 0; i < 200; i++) { // warm-up
            roundTrip(c, url);
        }
        long[] nanos = new long[messages];
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long t = System.nanoTime();
            roundTrip(c, url);
            nanos[i] = System.nanoTime() - t;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        row("send -> receive -> delete, one message at a time, p50 / p99 (" + messages + " messages)",
                String.format("%.2f ms / %.2f ms", nanos[messages / 2] / 1e6, nanos[messages * 99 / 100] / 1e6));
        row("the same, messages per second", String.format("%.0f", messages / (total / 1e9)));
    }

    private static void roundTrip(SqsClient c, String url) {
        c.sendMessage(r -> r.queueUrl(url).messageBody("{\"orderId\":\"o-1\"}"));
        Message m = c.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1)).messages().get(0);
        c.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
    }

    /** A message never deleted, visibility timeout 1 s, maxReceiveCount 3: time until it is in the DLQ. */
    private static void redrive(SqsServer sqs) {
        String dlq = sqs.create("bench/Dlq", "bench-dlq", Map.of());
        String url = sqs.create("bench/Redriven", "bench-redriven", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + sqs.arn("bench-dlq")
                        + "\",\"maxReceiveCount\":3}"));
        SqsClient c = sqs.client();
        c.sendMessage(r -> r.queueUrl(url).messageBody("poison"));
        long t = System.nanoTime();
        int receives = 0;
        while (c.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(0)).messages().isEmpty()) {
            receives += c.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages().size();
        }
        row("poison message (visibility 1 s, maxReceiveCount 3) in the DLQ after", receives + " receives, " + ms(t) + " ms");
    }

    private static long jarBytes() throws Exception {
        long bytes = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (path.contains("/org/elasticmq/") || path.contains("/org/apache/pekko/") || path.contains("/org/scala-lang")
                    || path.contains("/com/typesafe/") || path.contains("/io/spray/") || path.contains("/org/scala-lang/modules/")
                    || path.contains("/com/lihaoyi/") || path.contains("/com/github/pjfanning/")) {
                bytes += Files.size(Path.of(entry));
            }
        }
        return bytes;
    }

    private static void row(String what, String value) {
        System.out.println("| " + what + " | " + value + " |");
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
