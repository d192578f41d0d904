package io.atrium.shared.trace;

import io.atrium.shared.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends segment documents to the X-Ray daemon over UDP, as the X-Ray SDK does: Lambda runs the daemon and
 * names it in {@code AWS_XRAY_DAEMON_ADDRESS} ({@code 169.254.79.129:2000}, or {@code tcp:H:P udp:H:P}); the local
 * runtime listens there itself. Sending never fails a request: a lost document is a lost trace, nothing more.
 */
final class XRayDaemon {
    /** What one UDP datagram may carry; a larger trace goes as one document per call. */
    static final int MAX_DATAGRAM = 63 * 1024;
    private static final byte[] PREFIX = "{\"format\":\"json\",\"version\":1}\n".getBytes(StandardCharsets.UTF_8);
    private static final XRayDaemon NONE = new XRayDaemon(null);

    private final InetSocketAddress address;
    private DatagramChannel channel;

    private XRayDaemon(InetSocketAddress address) {
        this.address = address;
    }

    static XRayDaemon fromEnvironment() {
        return Holder.DAEMON;
    }

    /** {@code host:port}, or the UDP part of {@code tcp:host:port udp:host:port}; null or blank: none. */
    static XRayDaemon at(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        String udp = setting.trim();
        for (String part : udp.split("\\s+")) {
            if (part.startsWith("udp:")) {
                udp = part.substring(4);
            }
        }
        int colon = udp.lastIndexOf(':');
        try {
            return new XRayDaemon(new InetSocketAddress(udp.substring(0, colon), Integer.parseInt(udp.substring(colon + 1))));
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** Sends {@code span} and what it holds under {@code parentId} (null: as a segment of its own). */
    void send(String traceId, String parentId, Span span) {
        if (address == null) {
            return;
        }
        byte[] whole = bytes(span.document(traceId, parentId, true));
        if (whole.length <= MAX_DATAGRAM) {
            emit(whole);
            return;
        }
        emit(bytes(span.document(traceId, parentId, false)));
        for (Span child : span.children()) {
            send(traceId, span.id(), child);
        }
    }

    private static byte[] bytes(Map<String, Object> document) {
        return Json.write(document).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized void emit(byte[] document) {
        try {
            if (channel == null) {
                // opened on first use, so a SnapStart snapshot never holds a socket
                channel = DatagramChannel.open();
            }
            ByteBuffer datagram = ByteBuffer.allocate(PREFIX.length + document.length).put(PREFIX).put(document).flip();
            channel.send(datagram, address);
        } catch (IOException e) {
            channel = null;
        }
    }

    private static final class Holder {
        static final XRayDaemon DAEMON = at(System.getenv("AWS_XRAY_DAEMON_ADDRESS"));
    }
}
