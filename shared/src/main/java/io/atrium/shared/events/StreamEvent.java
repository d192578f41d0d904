package io.atrium.shared.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of Lambda's DynamoDB Streams event a consumer reads. Parsed by {@link BatchHandler} with the
 * layer's mapper; images stay DynamoDB JSON until {@link StreamRecord#newImage()} turns them into the SDK's
 * attribute values, so the table's own schemas map them.
 */
public record StreamEvent(@JsonProperty("Records") List<StreamRecord> records) {

    public StreamEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** One change of one item. {@code eventName} is INSERT, MODIFY or REMOVE. */
    public record StreamRecord(String eventName, Change dynamodb) {

        public boolean isInsert() {
            return "INSERT".equals(eventName);
        }

        /** The record's sequence number in its shard: what a partial batch failure names. */
        public String sequenceNumber() {
            return dynamodb == null ? null : dynamodb.sequenceNumber();
        }

        /** The item after the change (stream view NEW_IMAGE or NEW_AND_OLD_IMAGES); empty for a REMOVE. */
        public Map<String, AttributeValue> newImage() {
            return dynamodb == null || dynamodb.newImage() == null || dynamodb.newImage().isNull() ? Map.of() : DynamoDbJson.item(dynamodb.newImage());
        }
    }

    /** The {@code dynamodb} object of a record. */
    public record Change(@JsonProperty("NewImage") JsonNode newImage, @JsonProperty("SequenceNumber") String sequenceNumber) {
    }
}
