package io.atrium.local.dynamodb;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local's own request handler ({@code LocalDynamoDBServerHandler}, the one its Jetty server calls) called
 * without the network: a request is its headers and JSON body, the answer its status, headers and body, exactly as
 * the handler writes them for Jetty (error codes, cancellation reasons, consumed capacity, {@code x-amz-crc32}).
 * The handler sees a {@link Request} and a {@link Response} that carry only what it reads and writes (headers, the
 * body, the status); anything else it asked for would fail loudly, not silently differ. Same handler instance as the
 * loopback port, so one database and one set of streams (ADR 0107).
 */
final class EngineFront {

    /** One answer of the handler. Header names as the handler wrote them. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final Handler handler;
    private final AtomicLong calls = new AtomicLong();

    private EngineFront(Handler handler) {
        this.handler = handler;
    }

    /** The front of the handler a started {@link DynamoDBProxyServer} serves its port with. */
    static EngineFront of(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("serverHandler");
        field.setAccessible(true);
        return new EngineFront((Handler) field.get(server));
    }

    /** How many requests took this path (tests prove the functions use it). */
    long calls() {
        return calls.get();
    }

    /** Hands one request to the handler; {@code headers} as the client would send them over HTTP. */
    Reply call(String method, Map<String, List<String>> headers, byte[] body) throws Exception {
        calls.incrementAndGet();
        HttpFields.Mutable in = HttpFields.build();
        headers.forEach((name, values) -> values.forEach(value -> in.add(name, value)));
        Exchange exchange = new Exchange(method, in, body);
        handler.handle(proxy(Request.class, exchange::request), proxy(Response.class, exchange::response), Callback.NOOP);
        return exchange.reply();
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(EngineFront.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The request and response of one call, as far as the handler uses them. */
    private static final class Exchange {
        private final String method;
        private final HttpFields requestHeaders;
        private final HttpFields.Mutable responseHeaders = HttpFields.build();
        private Content.Chunk next;
        private int status = 200;
        private byte[] written = new byte[0];

        Exchange(String method, HttpFields requestHeaders, byte[] body) {
            this.method = method;
            this.requestHeaders = requestHeaders;
            this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        Object request(Object self, Method m, Object[] args) {
            return switch (m.getName()) {
                case "getHeaders" -> requestHeaders;
                case "getMethod" -> method;
                case "read" -> read();
                case "demand" -> {
                    ((Runnable) args[0]).run();
                    yield null;
                }
                default -> objectMethod(self, m, args, "Request");
            };
        }

        Object response(Object self, Method m, Object[] args) {
            switch (m.getName()) {
                case "getHeaders":
                    return responseHeaders;
                case "setStatus":
                    status = (Integer) args[0];
                    return null;
                case "getStatus":
                    return status;
                case "write":
                    ByteBuffer buffer = (ByteBuffer) args[1];
                    written = new byte[buffer.remaining()];
                    buffer.get(written);
                    ((Callback) args[2]).succeeded();
                    return null;
                default:
                    return objectMethod(self, m, args, "Response");
            }
        }

        private Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        Reply reply() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : responseHeaders) {
                headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
            }
            headers.put("Content-Length", List.of(Integer.toString(written.length)));
            return new Reply(status, headers, written);
        }

        private static Object objectMethod(Object self, Method m, Object[] args, String what) {
            return switch (m.getName()) {
                case "toString" -> "in-process DynamoDB Local " + what.toLowerCase(Locale.ROOT);
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == args[0];
                default -> throw new UnsupportedOperationException("DynamoDB Local's handler asked the in-process "
                        + what + " for " + m.getName() + ", which it does not emulate (ADR 0107)");
            };
        }
    }
}
