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

    /**
     * One message: its id (what a partial batch failure names), its body and its system attributes (of which the
     * worker reads {@code AWSTraceHeader}, the trace of whoever sent it).
     */
    public record Message(String messageId, String body, Map<String, String> attributes) {
        public Message {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public String traceHeader() {
            return attributes.get("AWSTraceHeader");
        }
    }
}
