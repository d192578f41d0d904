package io.atrium.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Stands in for the X-Ray daemon Lambda runs beside a function: listens for segment documents on a loopback UDP
 * port (the functions' {@code AWS_XRAY_DAEMON_ADDRESS}) and hands each segment and subsegment, nested ones
 * included, to the trace store. So the spans the console shows are the ones the functions send in AWS.
 */
final class XRayDaemon implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatagramSocket socket;
    private final BiConsumer<String, SpanRecord> spans;

    private XRayDaemon(DatagramSocket socket, BiConsumer<String, SpanRecord> spans) {
        this.socket = socket;
        this.spans = spans;
    }

    /** Listens on a free loopback port and hands every span received, with its trace id, to {@code spans}. */
    static XRayDaemon start(BiConsumer<String, SpanRecord> spans) {
        try {
            XRayDaemon daemon = new XRayDaemon(new DatagramSocket(0, InetAddress.getLoopbackAddress()), spans);
            Thread t = new Thread(daemon::receive, "xray-daemon");
            t.setDaemon(true);
            t.start();
            return daemon;
        } catch (SocketException e) {
            throw new IllegalStateException("the local X-Ray daemon cannot listen: " + e, e);
        }
    }

    /** What functions get as {@code AWS_XRAY_DAEMON_ADDRESS}. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void receive() {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
                accept(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (RuntimeException e) {
                System.err.println("local X-Ray daemon: unreadable segment document: " + e);
            }
        }
    }

    /** One datagram: the {@code {"format":"json","version":1}} header line, then one document. */
    void accept(String datagram) throws IOException {
        int newline = datagram.indexOf('\n');
        JsonNode doc = JSON.readTree(newline < 0 ? datagram : datagram.substring(newline + 1));
        String traceId = doc.path("trace_id").asText(null);
        if (traceId != null) {
            add(traceId, doc, doc.path("parent_id").asText(null));
        }
    }

    private void add(String traceId, JsonNode doc, String parentId) {
        double start = doc.path("start_time").asDouble();
        double end = doc.path("end_time").asDouble(start);
        Map<String, Object> annotations = new LinkedHashMap<>();
        doc.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        doc.path("aws").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        if (doc.at("/http/response/status").isNumber()) {
            annotations.put("status", doc.at("/http/response/status").asInt());
        }
        for (String flag : new String[] {"error", "throttle", "fault"}) {
            if (doc.path(flag).asBoolean(false)) {
                annotations.put(flag, true);
            }
        }
        if (doc.at("/cause/exceptions/0/type").isTextual()) {
            annotations.put("exception", doc.at("/cause/exceptions/0/type").asText());
        }
        String id = doc.path("id").asText();
        spans.accept(traceId, new SpanRecord(id, parentId, doc.path("name").asText(),
                SpanRecord.ofMicros(Math.round(start * 1e6)), Math.max(0, (end - start) * 1000), annotations));
        for (JsonNode child : doc.path("subsegments")) {
            add(traceId, child, id);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
