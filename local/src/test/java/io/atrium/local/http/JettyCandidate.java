package io.atrium.local.http;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 (already on the runtime's class path through DynamoDB Local) serving an {@link HttpHandler}, header
 * case kept: the candidate measured against {@link HttpServer} by {@link HttpLayerBench} (see ADR 0102).
 */
final class JettyCandidate implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    JettyCandidate(int port, HttpHandler handler) throws Exception {
        server = new Server(new QueuedThreadPool(256, 8));
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setHttpCompliance(HttpCompliance.RFC7230.with("local", HttpCompliance.Violation.CASE_SENSITIVE_FIELD_NAME));
        config.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                for (HttpField f : request.getHeaders()) {
                    headers.add(Map.entry(f.getName(), f.getValue()));
                }
                HttpURI uri = request.getHttpURI();
                HttpResponse out = handler.handle(new HttpRequest(request.getMethod(), uri.getPath(), uri.getQuery(),
                        headers, body, new InetSocketAddress(Request.getRemoteAddr(request), Request.getRemotePort(request))));
                response.setStatus(out.status());
                for (Map.Entry<String, String> h : out.headers()) {
                    response.getHeaders().add(h.getKey(), h.getValue());
                }
                response.write(true, ByteBuffer.wrap(out.body()), callback);
                return true;
            }
        });
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
