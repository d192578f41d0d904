package io.atrium.local.sqs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Received messages written as the event Lambda's SQS event source hands a function ({@code Records}). */
final class SqsRecords {

    private SqsRecords() {
    }

    /** The event for {@code messages} of the queue {@code queueArn}, as plain maps and lists (JSON's shapes). */
    static Map<String, Object> event(List<Message> messages, String queueArn) {
        String region = queueArn.split(":")[3];
        List<Object> records = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            record.put("attributes", new LinkedHashMap<>(m.attributesAsStrings()));
            record.put("messageAttributes", messageAttributes(m.messageAttributes()));
            record.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
            records.add(record);
        }
        return Map.of("Records", records);
    }

    private static Map<String, Object> messageAttributes(Map<String, MessageAttributeValue> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        attributes.forEach((name, v) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("stringValue", v.stringValue());
            value.put("binaryValue", v.binaryValue() == null ? null
                    : java.util.Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
            value.put("stringListValues", v.stringListValues());
            value.put("binaryListValues", List.of());
            value.put("dataType", v.dataType());
            out.put(name, value);
        });
        return out;
    }
}
