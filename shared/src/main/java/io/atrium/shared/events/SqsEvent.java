package io.atrium.shared.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of Lambda's SQS event a worker reads. Parsed by {@link BatchHandler} with the layer's mapper;
 * the fields AWS adds that are not named here are ignored.
 */
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** One message: its id (what a partial batch failure names), its body, and SQS's attributes. */
    public record Message(String messageId, String body, Map<String, String> attributes) {

        /** How often SQS has handed this message out, this time included (1 on the first delivery). */
        public int receiveCount() {
            String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
            return count == null ? 1 : Integer.parseInt(count);
        }
    }
}
