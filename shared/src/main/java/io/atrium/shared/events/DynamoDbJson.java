package io.atrium.shared.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON ({@code {"pk": {"S": "..."}, "amount": {"N": "12.5"}}}), as stream records carry images, to
 * the SDK's attribute values. Strict: a value that is not exactly one known type with a value of the right
 * JSON kind is refused, so a malformed image fails its record instead of being stored half-read.
 */
public final class DynamoDbJson {
    private DynamoDbJson() {
    }

    public static Map<String, AttributeValue> item(JsonNode image) {
        if (image == null || !image.isObject()) {
            throw new IllegalArgumentException("a DynamoDB item must be a JSON object");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = image.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    public static AttributeValue value(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("a DynamoDB value must be an object with exactly one type");
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(text(v));
            case "N" -> AttributeValue.fromN(text(v));
            case "B" -> AttributeValue.fromB(bytes(v));
            case "BOOL" -> AttributeValue.fromBool(bool(v));
            case "NULL" -> AttributeValue.fromNul(bool(v));
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> AttributeValue.fromL(list(v, DynamoDbJson::value));
            case "SS" -> AttributeValue.fromSs(list(v, DynamoDbJson::text));
            case "NS" -> AttributeValue.fromNs(list(v, DynamoDbJson::text));
            case "BS" -> AttributeValue.fromBs(list(v, DynamoDbJson::bytes));
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + typed.getKey());
        };
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("a DynamoDB S, N or B value must be a JSON string");
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("a DynamoDB BOOL or NULL value must be a JSON boolean");
        }
        return node.booleanValue();
    }

    private static SdkBytes bytes(JsonNode node) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(node)));
    }

    private static <T> List<T> list(JsonNode node, java.util.function.Function<JsonNode, T> element) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("a DynamoDB L or set value must be a JSON array");
        }
        List<T> values = new ArrayList<>(node.size());
        node.forEach(n -> values.add(element.apply(n)));
        return values;
    }
}
