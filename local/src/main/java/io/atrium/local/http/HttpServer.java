package io.atrium.local.http;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies, 100-continue), one thread
 * per connection. Written for the local runtime instead of the JDK's server because API Gateway passes
 * header names on exactly as the client sent them, and the JDK's server rewrites their case.
 */
public final class HttpServer implements AutoCloseable {

    /** API Gateway's payload limit. */
    public static final int MAX_BODY = 10 * 1024 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CONNECTIONS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final ServerSocket socket;
    private final HttpHandler handler;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private HttpServer(ServerSocket socket, HttpHandler handler, String name) {
        this.socket = socket;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "http-accept-" + name);
        this.acceptor.setDaemon(true);
    }

    /** Starts serving on {@code host:port} (port 0: a free one). */
    public static HttpServer start(InetAddress host, int port, HttpHandler handler, String name)
            throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(host, port), 512);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + host.getHostAddress() + ":" + port + " (" + e.getMessage() + ")", e);
        }
        HttpServer server = new HttpServer(s, handler, name);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                s.setSoTimeout(IDLE_TIMEOUT_MS);
                open.add(s);
                CONNECTIONS.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("http accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new UnsyncBufferedInput(s.getInputStream(), 16 * 1024);
                OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024)) {
            InetSocketAddress remote = (InetSocketAddress) s.getRemoteSocketAddress();
            while (!closed) {
                Head head;
                try {
                    head = readHead(in);
                } catch (BadRequest e) {
                    write(out, handler.unreadable(e.status, e.getMessage()), false, true, false);
                    return;
                }
                if (head == null) {
                    return;
                }
                boolean keepAlive = head.keepAlive();
                byte[] body;
                try {
                    body = readBody(head, in, out);
                } catch (BadRequest e) {
                    write(out, handler.unreadable(e.status, e.getMessage()), false, true, false);
                    return;
                }
                HttpRequest request = new HttpRequest(head.method, head.path, head.query, head.headers, body, remote);
                write(out, answer(request), head.method.equals("HEAD"), !keepAlive, keepAlive && head.http10());
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle keep-alive connection or client went away
        } catch (IOException e) {
            if (!closed) {
                System.err.println("http connection failed: " + e);
            }
        } finally {
            open.remove(s);
        }
    }

    /** The handler's answer; when it fails, a generic 500 whose detail goes to the log only. */
    private HttpResponse answer(HttpRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            System.err.println("local runtime failure for " + request.method() + " " + request.rawPath() + ":");
            e.printStackTrace();
            try {
                return handler.failed(request);
            } catch (RuntimeException again) {
                return HttpResponse.json(500, "{\"message\":\"Internal server error\"}");
            }
        }
    }

    /** A read buffer for one connection's thread: BufferedInputStream locks on every byte of the head. */
    private static final class UnsyncBufferedInput extends InputStream {
        private final InputStream raw;
        private final byte[] buf;
        private int pos;
        private int limit;

        UnsyncBufferedInput(InputStream raw, int size) {
            this.raw = raw;
            this.buf = new byte[size];
        }

        @Override
        public int read() throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == limit) {
                if (len >= buf.length) {
                    return raw.read(b, off, len);
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (limit - pos) + raw.available();
        }

        private boolean fill() throws IOException {
            int n = raw.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    private static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private record Head(String method, String path, String query, String version, List<Map.Entry<String, String>> headers) {
        String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        boolean http10() {
            return version.equals("HTTP/1.0");
        }

        boolean keepAlive() {
            String c = header("Connection");
            if (http10()) {
                return c != null && c.equalsIgnoreCase("keep-alive");
            }
            return c == null || !c.equalsIgnoreCase("close");
        }
    }

    private static Head readHead(InputStream in) throws IOException, BadRequest {
        String requestLine = readLine(in, true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "Bad Request");
        }
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int size = requestLine.length();
        while (true) {
            String line = readLine(in, false);
            if (line == null) {
                throw new BadRequest(400, "Bad Request");
            }
            if (line.isEmpty()) {
                break;
            }
            size += line.length();
            if (size > MAX_HEAD) {
                throw new BadRequest(431, "Request Header Fields Too Large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "Bad Request");
            }
            headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return new Head(parts[0], path, query, parts[2], headers);
    }

    private static String readLine(InputStream in, boolean eofAllowed) throws IOException, BadRequest {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return sb.length() == 0 && eofAllowed ? null : (sb.length() == 0 ? null : sb.toString());
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
            if (sb.length() > MAX_HEAD) {
                throw new BadRequest(431, "Request Header Fields Too Large");
            }
        }
    }

    private static byte[] readBody(Head head, InputStream in, OutputStream out) throws IOException, BadRequest {
        String te = head.header("Transfer-Encoding");
        boolean chunked = te != null && te.toLowerCase().contains("chunked");
        long length = chunked ? 0 : contentLength(head.header("Content-Length"));
        String expect = head.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && (chunked || length > 0)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (chunked) {
            return readChunks(in);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("connection closed inside the body");
        }
        return body;
    }

    private static long contentLength(String value) throws BadRequest {
        if (value == null) {
            return 0;
        }
        long length;
        try {
            length = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "Bad Request");
        }
        if (length < 0) {
            throw new BadRequest(400, "Bad Request");
        }
        if (length > MAX_BODY) {
            throw new BadRequest(413, "Request Too Long");
        }
        return length;
    }

    private static byte[] readChunks(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunk");
            }
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "Bad Request");
            }
            if (size < 0) {
                throw new BadRequest(400, "Bad Request");
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, false);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            if (body.size() + (long) size > MAX_BODY) {
                throw new BadRequest(413, "Request Too Long");
            }
            body.write(in.readNBytes(size));
            readLine(in, false);
        }
    }

    /** @param keepAlive10 an HTTP/1.0 client asked to keep the connection: say that it is kept */
    private static void write(OutputStream out, HttpResponse r, boolean head, boolean close, boolean keepAlive10)
            throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        for (Map.Entry<String, String> h : r.headers()) {
            if (h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding")
                    || h.getKey().equalsIgnoreCase("Connection")) {
                continue;
            }
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        byte[] body = r.body() == null ? new byte[0] : r.body();
        sb.append("Content-Length: ").append(body.length).append("\r\n");
        if (close) {
            sb.append("Connection: close\r\n");
        } else if (keepAlive10) {
            sb.append("Connection: keep-alive\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
