package io.atrium.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.x over a plain socket, for requests no HTTP client would send (malformed percent-escapes, raw header
 * bytes, HTTP/1.0 keep-alive): writes bytes as given, reads answers by Content-Length, never waits past a timeout.
 */
public final class RawHttp implements AutoCloseable {

    /** One answer as read from the wire. */
    public record Answer(String statusLine, int status, List<Map.Entry<String, String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }
    }

    private final Socket socket;
    private final InputStream in;

    public RawHttp(int port, int timeoutMs) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.socket.setSoTimeout(timeoutMs);
        this.in = socket.getInputStream();
    }

    /** Sends one request and reads its answer. */
    public static Answer exchange(int port, String request) throws IOException {
        try (RawHttp http = new RawHttp(port, 15_000)) {
            http.send(request);
            return http.read();
        }
    }

    public void send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    public Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before an answer");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int length = 0;
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            String name = l.substring(0, colon).trim();
            String value = l.substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(statusLine, Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection (end of stream) rather than keeping it. */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        return b < 0 && out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
