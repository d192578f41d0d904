package io.atrium.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.shared.testing.TableStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream images (DynamoDB JSON) become exactly the attribute values DynamoDB stored, and nothing malformed gets through. */
class DynamoDbJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTypeReadsBackAsItWasWritten() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("s", AttributeValue.fromS("TENANT#t#ORDER#o")),
                Map.entry("n", AttributeValue.fromN("12.50")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255}))),
                Map.entry("bool", AttributeValue.fromBool(false)),
                Map.entry("nul", AttributeValue.fromNul(true)),
                Map.entry("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x")))))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))));

        assertEquals(item, DynamoDbJson.item(TableStream.item(item)));
    }

    @Test
    void malformedValuesAreRefused() throws Exception {
        for (String image : List.of(
                "{\"amount\": {\"N\": 12.5}}",
                "{\"amount\": {\"S\": \"a\", \"N\": \"1\"}}",
                "{\"amount\": {}}",
                "{\"amount\": {\"X\": \"1\"}}",
                "{\"amount\": \"12.5\"}",
                "{\"flag\": {\"BOOL\": \"true\"}}",
                "{\"list\": {\"L\": {\"S\": \"a\"}}}",
                "[]")) {
            assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.item(JSON.readTree(image)), image);
        }
    }
}
