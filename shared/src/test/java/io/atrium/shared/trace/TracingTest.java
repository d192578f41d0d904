package io.atrium.shared.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.json.Json;
import io.atrium.shared.testing.FaultyDynamoDb;
import io.atrium.shared.testing.TestTables;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The spans of a traced invocation, as the X-Ray daemon receives them over UDP, with the functions' real client. */
class TracingTest {
    private static final TestTables TABLES = TestTables.create("tracing");
    private static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void headersAreReadStrictly() {
        TraceHeader header = TraceHeader.parse(HEADER);
        assertEquals(HEADER, header.format());
        assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000001;Sampled=1",
                header.under("0000000000000001").format());
        assertNull(TraceHeader.parse("Root=1-xyz;Sampled=1"));
        assertNull(TraceHeader.parse(null));
        assertEquals(null, TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=no").parent());
        assertTrue(TraceHeader.parse(TraceHeader.newTrace().format()).sampled());
    }

    @Test
    void everyDynamoDbCallIsASpanNamedByItsOperationInsideTheHandlersSpan() throws Exception {
        FaultyDynamoDb dynamo = new FaultyDynamoDb().inject("GetItem", FaultyDynamoDb.Fault.THROTTLING, 100);
        String table = TABLES.name("PartnerTable");
        Invocation invocation = Invocation.begin(HEADER, "getPartner");
        invocation.span().annotate("tenant_id", "ten_1").annotate("request_id", "req-1");
        dynamo.client().putItem(r -> r.tableName(table).item(Map.of("pk", s("TENANT#ten_1#P"))));
        assertThrows(SdkException.class, () -> dynamo.client().getItem(r -> r.tableName(table).key(
                Map.of("pk", s("TENANT#ten_1#P")))));
        invocation.end();
        assertNull(Invocation.current());

        JsonNode doc = sendAndReceive(invocation);
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", doc.get("trace_id").asText());
        assertEquals("53995c3f42cd8ad8", doc.get("parent_id").asText());
        assertEquals("subsegment", doc.get("type").asText());
        assertEquals("ten_1", doc.at("/annotations/tenant_id").asText());
        JsonNode put = doc.get("subsegments").get(0);
        JsonNode get = doc.get("subsegments").get(1);
        assertEquals("DynamoDB.PutItem", put.get("name").asText());
        assertEquals(table, put.at("/aws/table_name").asText());
        assertEquals(200, put.at("/http/response/status").asInt());
        assertEquals("DynamoDB.GetItem", get.get("name").asText());
        assertTrue(get.get("throttle").asBoolean(), get.toString());
        assertTrue(get.at("/cause/exceptions/0/type").asText().endsWith("ThrottlingException"), get.toString());
        assertTrue(get.get("end_time").asDouble() >= get.get("start_time").asDouble());
    }

    @Test
    void onlyTheContainersFirstInvocationIsColdAndAMalformedHeaderGivesNoTraceId() {
        Invocation first = Invocation.begin(HEADER, "a");
        first.end();
        Invocation second = Invocation.begin("garbage", "b");
        assertNull(second.traceId());
        second.end();
        // the first invocation of this JVM may have been another test's: only the second is known to be warm
        assertEquals(false, second.coldStart());
    }

    @Test
    void primingWritesAWholeDocumentWithoutADaemon() {
        // the priming span and its call, with ids, times, annotations and status: well over 300 bytes when written
        assertTrue(XRayDaemon.prime() > 300);
    }

    private static JsonNode sendAndReceive(Invocation invocation) throws Exception {
        try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            daemon.setSoTimeout(5000);
            XRayDaemon.at("tcp:127.0.0.1:1 udp:127.0.0.1:" + daemon.getLocalPort())
                    .send(invocation.traceId(), TraceHeader.parse(HEADER).parent(), invocation.span());
            DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
            daemon.receive(packet);
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", 2);
            assertEquals("{\"format\":\"json\",\"version\":1}", lines[0]);
            return Json.MAPPER.readTree(lines[1]);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
