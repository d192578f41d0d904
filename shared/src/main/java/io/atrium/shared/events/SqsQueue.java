package io.atrium.shared.events;

import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.aws.UrlConnectionClient;
import io.atrium.shared.config.Config;
import io.atrium.shared.log.JsonLog;
import io.atrium.shared.trace.AwsCallSpans;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * An SQS queue, sent to in batches of ten (SendMessageBatch). Entries SQS refuses for a passing reason (not the
 * sender's fault) are sent once more; what still fails is handed back to the caller, which decides whether to fail its own input
 * (a stream record, an invocation) so that it is retried.
 */
public final class SqsQueue implements MessageQueue {
    static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonLog log;

    /**
     * The queue whose URL is the setting {@code urlSetting}, with an SQS client built like every SDK client
     * (explicit HTTP client, region, credentials, time budget; see {@link AwsClients}). Locally the runtime sets
     * {@code AWS_ENDPOINT_URL_SQS}. Only stacks that bundle the SQS library call this (ADR 0009); it lives
     * here, not in AwsClients, so that no other function ever loads a class that names SQS.
     */
    public static SqsQueue fromSettings(Config config, String urlSetting, String service) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(new UrlConnectionClient(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .region(Region.of(config.get("AWS_REGION", "us-east-1")))
                .credentialsProvider(AwsClients.credentials(config))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(AwsClients.API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(AwsClients.ATTEMPT_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(new AwsCallSpans())
                        .build());
        config.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
        return new SqsQueue(builder.build(), config.require(urlSetting), service);
    }

    public SqsQueue(SqsClient sqs, String queueUrl, String service) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.log = new JsonLog(service);
    }

    @Override
    public <T> List<T> send(List<T> items, Function<T, String> body, Function<T, String> traceHeader) {
        List<T> unsent = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            Refused<T> refused = sendBatch(items.subList(from, Math.min(items.size(), from + BATCH)), body, traceHeader);
            unsent.addAll(refused.forGood());
            if (!refused.forNow().isEmpty()) {
                Refused<T> again = sendBatch(refused.forNow(), body, traceHeader);
                unsent.addAll(again.forGood());
                unsent.addAll(again.forNow());
            }
        }
        return unsent;
    }

    /** What one SendMessageBatch did not send: for a reason that may pass (worth one more try), or for good. */
    private record Refused<T>(List<T> forNow, List<T> forGood) {
    }

    private <T> Refused<T> sendBatch(List<T> chunk, Function<T, String> body, Function<T, String> traceHeader) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(body.apply(chunk.get(i)));
            String header = traceHeader.apply(chunk.get(i));
            if (header != null) {
                entry.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(header).build()));
            }
            entries.add(entry.build());
        }
        try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            Refused<T> refused = new Refused<>(new ArrayList<>(), new ArrayList<>());
            for (BatchResultErrorEntry error : response.failed()) {
                (error.senderFault() ? refused.forGood() : refused.forNow()).add(chunk.get(Integer.parseInt(error.id())));
                report(error.code() + (error.senderFault() ? " (sender fault)" : ""));
            }
            return refused;
        } catch (SdkException e) {
            // the SDK has already retried what its retry policy deems passing
            report(e.getClass().getName() + ": " + e.getMessage());
            return new Refused<>(List.of(), List.copyOf(chunk));
        }
    }

    private void report(String error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "sqsSendFailed");
        line.put("queueUrl", queueUrl);
        line.put("error", error);
        log.error(line);
    }
}
