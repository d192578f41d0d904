package io.atrium.shared.repository.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts DynamoDB's last evaluated key (all string attributes here) to and from a plain map. */
public final class PageKeys {
    private PageKeys() {
    }

    public static Map<String, String> toStrings(Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) {
            return Map.of();
        }
        Map<String, String> plain = new HashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return plain;
    }

    public static Map<String, AttributeValue> toAttributes(Map<String, String> key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> attributes = new HashMap<>();
        key.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        return attributes;
    }
}
