package io.atrium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chrome DevTools Protocol session on one page, over the JDK's WebSocket client: send a command, wait for its
 * answer. Enough to navigate, evaluate JavaScript in the page and take screenshots.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final String sessionId;

    private DevTools(WebSocket socket, String sessionId) {
        this.socket = socket;
        this.sessionId = sessionId;
    }

    /** Opens a new page in the browser and attaches to it. */
    static DevTools newPage(Chromium browser) throws Exception {
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(browser.browserWebSocket()), listener).get(10, TimeUnit.SECONDS);
        DevTools browserSession = new DevTools(socket, null);
        listener.owner = browserSession;
        String targetId = browserSession.send("Target.createTarget", Map.of("url", "about:blank")).get("targetId").textValue();
        String session = browserSession.send("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").textValue();
        DevTools page = new DevTools(socket, session);
        listener.owner = page;
        return page;
    }

    /** Sends a command and returns its {@code result}; a protocol error fails. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Evaluates {@code expression} in the page (promises awaited) and returns its value. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits up to {@code seconds} for {@code expression} to be true in the page. */
    void waitFor(String expression, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!eval("Boolean(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never showed " + expression + "; it shows: "
                        + eval("document.body.innerText.slice(0, 2000)").asText());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** Collects text frames into messages and completes the command each answers. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id") ? owner.pending.remove(message.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (Exception e) {
                    // an unreadable event is not an answer anyone waits for
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
