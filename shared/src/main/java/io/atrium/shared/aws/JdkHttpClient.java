package io.atrium.shared.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The SDK's HTTP client on a given {@code java.net.http} client: the local runtime's in-process path to DynamoDB
 * Local ({@link InProcessTransport}, ADR 0107), a JDK type that crosses the function's class loader. Functions reach
 * AWS through {@link UrlConnectionClient} (ADR 0018). HTTP/1.1 only, like the SDK's other synchronous clients.
 */
public final class JdkHttpClient implements SdkHttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;

    JdkHttpClient(HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest sdk = request.httpRequest();
        HttpRequest.Builder builder = HttpRequest.newBuilder(sdk.getUri()).timeout(readTimeout);
        sdk.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        Optional<byte[]> body = request.contentStreamProvider().map(provider -> UrlConnectionClient.readAll(provider.newStream()));
        builder.method(sdk.method().name(), body.map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody));
        return new Call(client, builder.build());
    }

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        // java.net.http.HttpClient frees its connections when it is no longer referenced
    }

    /** One request; the SDK's attempt timeout aborts it by interrupting the calling thread. */
    private static final class Call implements ExecutableHttpRequest {
        private final HttpClient client;
        private final HttpRequest request;
        private volatile Thread caller;

        Call(HttpClient client, HttpRequest request) {
            this.client = client;
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            caller = Thread.currentThread();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                AbortableInputStream body = AbortableInputStream.create(response.body());
                SdkHttpFullResponse head = SdkHttpFullResponse.builder()
                        .statusCode(response.statusCode())
                        .headers(response.headers().map())
                        .build();
                return HttpExecuteResponse.builder().response(head).responseBody(body).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("request to " + request.uri().getHost() + " was interrupted");
            } finally {
                caller = null;
            }
        }

        @Override
        public void abort() {
            Thread running = caller;
            if (running != null) {
                running.interrupt();
            }
        }
    }
}
