package io.atrium.local.http;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code HttpLayerBench jetty|own PORT}: serves a fixed small JSON answer on loopback with one of the two servers,
 * until killed, for an HTTP load tool (wrk, ab) to measure the HTTP layer alone (scripts/bench-http).
 */
public final class HttpLayerBench {

    private HttpLayerBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpHandler answer = request -> HttpResponse.json(200, "{\"partnerId\":\"p-1\",\"name\":\"Globex\"}");
        int port = Integer.parseInt(args[1]);
        AutoCloseable server = args[0].equals("jetty") ? new JettyCandidate(port, answer)
                : HttpServer.start(InetAddress.getLoopbackAddress(), port, answer, "bench");
        System.out.println("serving " + args[0] + " on " + port);
        try (server) {
            new CountDownLatch(1).await();
        }
    }
}
