package io.atrium.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.RawHttp;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The server's own answers: a failing handler, requests it cannot read, HTTP/1.0 keep-alive. */
class HttpServerTest {

    @Test
    void aHandlerThatThrowsGetsAGeneric500AndTheDetailStaysInTheLog() throws Exception {
        HttpHandler failing = request -> {
            throw new IllegalStateException("secret detail at io.atrium.Something");
        };
        try (HttpServer server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, failing, "test")) {
            RawHttp.Answer a = RawHttp.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(500, a.status());
            assertEquals("{\"message\":\"Internal server error\"}", a.body());
            assertFalse(a.toString().contains("secret") || a.toString().contains("IllegalState"), a.toString());
        }
    }

    @Test
    void headersTooLargeAndBadChunksAreAnsweredNotDropped() throws Exception {
        HttpHandler ok = request -> HttpResponse.json(200, "{}");
        try (HttpServer server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, ok, "test")) {
            RawHttp.Answer huge = RawHttp.exchange(server.port(), "GET /x HTTP/1.1\r\nX-Big: " + "a".repeat(70_000)
                    + "\r\n\r\n");
            assertEquals(431, huge.status());
            RawHttp.Answer chunk = RawHttp.exchange(server.port(), "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "-1\r\n\r\n");
            assertEquals(400, chunk.status());
        }
    }

    @Test
    void http10KeepAliveIsAnsweredWithKeepAliveAndTheConnectionKept() throws Exception {
        HttpHandler ok = request -> HttpResponse.json(200, "{\"ok\":true}");
        try (HttpServer server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, ok, "test");
                RawHttp http = new RawHttp(server.port(), 5_000)) {
            for (int i = 0; i < 3; i++) {
                http.send("GET /x HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
                RawHttp.Answer a = http.read();
                assertEquals(200, a.status());
                assertEquals("keep-alive", a.header("Connection"));
            }
            http.send("GET /x HTTP/1.0\r\n\r\n");
            assertEquals("close", http.read().header("Connection"));
            assertTrue(http.closedByServer());
        }
    }
}
