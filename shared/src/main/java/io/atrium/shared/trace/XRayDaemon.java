package io.atrium.shared.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends segment documents to the X-Ray daemon over UDP, as the X-Ray SDK does: Lambda runs the daemon and
 * names it in {@code AWS_XRAY_DAEMON_ADDRESS} ({@code 169.254.79.129:2000}, or {@code tcp:H:P udp:H:P}); the local
 * runtime listens there itself. Sending never fails a request: a lost document is a lost trace, nothing more.
 */
final class XRayDaemon {
    /** What one UDP datagram may carry; a larger trace goes as one document per call. */
    static final int MAX_DATAGRAM = 63 * 1024;
    private static final String PREFIX = "{\"format\":\"json\",\"version\":1}\n";
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
        int at = udp.indexOf("udp:");
        if (at >= 0) {
            int end = udp.indexOf(' ', at);
            udp = udp.substring(at + 4, end < 0 ? udp.length() : end);
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
        byte[] whole = datagram(span, traceId, parentId, true);
        if (whole.length <= MAX_DATAGRAM + PREFIX.length()) {
            emit(whole);
            return;
        }
        emit(datagram(span, traceId, parentId, false));
        for (Span child : span.children()) {
            send(traceId, span.id(), child);
        }
    }

    /**
     * The daemon's header line and the document. Written through a {@code Writer}: the generator a function's answers
     * are written with, already loaded, where one over an {@code OutputStream} would load its own classes.
     */
    private static byte[] datagram(Span span, String traceId, String parentId, boolean nested) {
        StringWriter text = new StringWriter(1024);
        text.write(PREFIX);
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(text)) {
            span.write(out, traceId, parentId, nested);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized void emit(byte[] datagram) {
        try {
            if (channel == null) {
                // opened on first use, so a SnapStart snapshot never holds a socket
                channel = DatagramChannel.open();
            }
            channel.send(ByteBuffer.wrap(datagram), address);
        } catch (IOException e) {
            channel = null;
        }
    }

    /**
     * Before the SnapStart snapshot (ADR 0016): what the first sent trace would load, loaded, so the first invocation
     * after a restore does not pay it: a document written (not sent) and a UDP channel opened and closed again (the
     * snapshot holds no socket). Returns the document's size.
     */
    static int prime() {
        Span span = new Span("priming", null);
        span.annotate("tenant_id", "priming").status(200);
        span.add(new Span("DynamoDB.GetItem", "aws").aws("table_name", "priming").status(200));
        span.end();
        int size = datagram(span, TraceHeader.newRoot(), TraceHeader.newId(), true).length;
        try (DatagramChannel unused = DatagramChannel.open()) {
            return size;
        } catch (IOException e) {
            return size;
        }
    }

    private static final class Holder {
        static final XRayDaemon DAEMON = at(System.getenv("AWS_XRAY_DAEMON_ADDRESS"));
    }
}
