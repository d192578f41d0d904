package io.atrium.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A DynamoDB Streams record (as the Streams API returns it) written as one of the {@code Records} of the event
 * Lambda hands a stream consumer: {@code eventID}, {@code eventName}, {@code eventVersion}, {@code eventSource},
 * {@code awsRegion}, {@code dynamodb} (keys and images as DynamoDB JSON) and {@code eventSourceARN}.
 */
public final class StreamRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecordJson() {
    }

    /**
     * The record as Lambda's event carries it.
     *
     * @param eventSourceArn the stream's ARN as the function's event source names it
     * @param region         the region the stack runs in (DynamoDB Local says {@code ddblocal})
     */
    public static ObjectNode lambdaRecord(Record record, String eventSourceArn, String region) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventID", record.eventID());
        out.put("eventName", record.eventNameAsString());
        out.put("eventVersion", record.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", region);
        ObjectNode change = out.putObject("dynamodb");
        change.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        change.set("Keys", item(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            change.set("NewImage", item(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            change.set("OldImage", item(record.dynamodb().oldImage()));
        }
        change.put("SequenceNumber", record.dynamodb().sequenceNumber());
        change.put("SizeBytes", record.dynamodb().sizeBytes());
        change.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        out.put("eventSourceARN", eventSourceArn);
        return out;
    }

    /** An item as DynamoDB JSON ({@code {"pk": {"S": "..."}}}), as stream events carry it. */
    public static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode out = JSON.createObjectNode();
        switch (value.type()) {
            case S -> out.put("S", value.s());
            case N -> out.put("N", value.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.put("BOOL", value.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", item(value.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                value.l().forEach(v -> list.add(value(v)));
            }
            case SS -> value.ss().forEach(out.putArray("SS")::add);
            case NS -> value.ns().forEach(out.putArray("NS")::add);
            case BS -> {
                ArrayNode set = out.putArray("BS");
                value.bs().forEach(b -> set.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return out;
    }
}
