package io.atrium.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.sqs.SqsServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The console's queues: each queue of the local SQS with its depth (visible, in flight), the DLQ it redrives to,
 * and a redrive that moves a DLQ's messages back to the queue whose redrive policy names it (as the SQS console's
 * "start DLQ redrive" does), bodies, message attributes and trace header kept.
 */
final class QueuesView {
    /** A redrive moves at most this many messages; press again for more. */
    static final int MAX_REDRIVE = 1000;

    private final SqsServer sqs;

    QueuesView(SqsServer sqs) {
        this.sqs = sqs;
    }

    /** {@code {"items": [{"name", "url", "visible", "inFlight", "deadLetterQueue"}]}}; {@code deadLetterQueue} is a name or null. */
    Map<String, Object> queues() {
        List<Map<String, Object>> items = new ArrayList<>();
        if (sqs != null) {
            Map<String, String> names = new LinkedHashMap<>();
            sqs.queues().forEach((name, url) -> names.put(url, name));
            sqs.queues().forEach((name, url) -> items.add(queue(name, url, names)));
        }
        return Map.of("items", items);
    }

    private Map<String, Object> queue(String name, String url, Map<String, String> names) {
        Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.REDRIVE_POLICY)).attributes();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("url", url);
        out.put("visible", Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")));
        out.put("inFlight", Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
        String dlqArn = deadLetterArn(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        out.put("deadLetterQueue", dlqArn == null ? null : names.get(sqs.urlByArn(dlqArn)));
        return out;
    }

    /** Moves the messages of DLQ {@code name} back to its source queue: {@code {"moved": n, "to": name}}. */
    Map<String, Object> redrive(String name) {
        String dlq = sqs == null ? null : sqs.queues().get(name);
        if (dlq == null) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        sqs.queues().forEach((n, url) -> names.put(url, n));
        String source = null;
        for (Map.Entry<String, String> q : sqs.queues().entrySet()) {
            if (name.equals(queue(q.getKey(), q.getValue(), names).get("deadLetterQueue"))) {
                source = q.getKey();
            }
        }
        if (source == null) {
            throw new IllegalArgumentException(name + " is no queue's dead-letter queue");
        }
        return Map.of("moved", move(sqs.client(), dlq, sqs.queues().get(source)), "to", source);
    }

    private static int move(SqsClient client, String from, String to) {
        int moved = 0;
        while (moved < MAX_REDRIVE) {
            List<Message> batch = client.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages();
            if (batch.isEmpty()) {
                return moved;
            }
            for (Message m : batch) {
                client.sendMessage(r -> {
                    r.queueUrl(to).messageBody(m.body()).messageAttributes(m.messageAttributes());
                    String trace = m.attributesAsStrings().get("AWSTraceHeader");
                    if (trace != null) {
                        r.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                                MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build()));
                    }
                });
                client.deleteMessage(r -> r.queueUrl(from).receiptHandle(m.receiptHandle()));
                moved++;
            }
        }
        return moved;
    }

    private static String deadLetterArn(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return null;
        }
        try {
            JsonNode policy = ConsoleServer.JSON.readTree(redrivePolicy);
            return policy.path("deadLetterTargetArn").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
