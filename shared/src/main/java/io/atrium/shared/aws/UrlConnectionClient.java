package io.atrium.shared.aws;

import io.atrium.shared.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The functions' SDK HTTP client (ADR 0018): the JDK's {@link HttpURLConnection}, which a fresh JVM starts about 380
 * classes lighter than {@code java.net.http} (no selector thread, no asynchronous pipeline) and which opens no TLS
 * context until an {@code https} connection needs one. Each request leaves in one write: the body is buffered, not
 * streamed, so the JDK writes the headers and the body together (the SDK's own URL-connection client streams the body
 * in a second write, which Nagle's algorithm holds for the server's delayed ACK, ADR 0006). Connections are kept alive
 * by the JDK's per-JVM cache; after a SnapStart restore, TLS connections are looked up under a new socket factory
 * ({@link SnapshotTls}), so no connection opened before the snapshot is reused.
 */
public final class UrlConnectionClient implements SdkHttpClient {
    /** Headers the JDK's connection sets itself. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final int connectMillis;
    private final int readMillis;
    private volatile SnapshotTls tls = new SnapshotTls();

    public UrlConnectionClient(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readMillis = Math.toIntExact(readTimeout.toMillis());
        // TLS connections kept from before a SnapStart snapshot are another machine's: each restored copy opens its own
        SnapStart.renew(() -> tls = new SnapshotTls());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = request.contentStreamProvider().map(provider -> readAll(provider.newStream())).orElse(null);
        return new Call(request.httpRequest(), body);
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public void close() {
        // the JDK's keep-alive cache closes idle connections itself
    }

    /** A request body, read whole (both SDK HTTP adapters send it in one write). */
    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request; the SDK's attempt timeout aborts it by closing its connection. */
    private final class Call implements ExecutableHttpRequest {
        private final SdkHttpRequest request;
        private final byte[] body;
        private volatile HttpURLConnection connection;

        Call(SdkHttpRequest request, byte[] body) {
            this.request = request;
            this.body = body;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            HttpURLConnection open = open();
            connection = open;
            if (body != null) {
                open.setDoOutput(true);
                try (OutputStream out = open.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = open.getResponseCode();
            InputStream content = status >= 400 ? open.getErrorStream() : open.getInputStream();
            SdkHttpFullResponse.Builder head = SdkHttpFullResponse.builder().statusCode(status);
            for (Map.Entry<String, List<String>> header : open.getHeaderFields().entrySet()) {
                if (header.getKey() != null) { // the status line
                    head.putHeader(header.getKey(), header.getValue());
                }
            }
            AbortableInputStream responseBody = content == null ? AbortableInputStream.createEmpty()
                    : AbortableInputStream.create(content, open::disconnect);
            return HttpExecuteResponse.builder().response(head.build()).responseBody(responseBody).build();
        }

        private HttpURLConnection open() throws IOException {
            HttpURLConnection open = (HttpURLConnection) request.getUri().toURL().openConnection();
            if (open instanceof HttpsURLConnection secure) {
                secure.setSSLSocketFactory(tls);
            }
            open.setConnectTimeout(connectMillis);
            open.setReadTimeout(readMillis);
            open.setInstanceFollowRedirects(false);
            open.setUseCaches(false);
            open.setRequestMethod(request.method().name());
            request.forEachHeader((name, values) -> {
                if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> open.addRequestProperty(name, value));
                }
            });
            return open;
        }

        @Override
        public void abort() {
            HttpURLConnection open = connection;
            if (open != null) {
                open.disconnect();
            }
        }
    }
}
