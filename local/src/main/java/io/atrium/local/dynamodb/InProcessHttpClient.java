package io.atrium.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A {@code java.net.http.HttpClient} whose requests to DynamoDB Local's endpoint are answered by its handler in this
 * JVM ({@link EngineFront}) instead of a socket. It is a JDK type, so it crosses into a function's class loader, where
 * the layer's SDK adapter for it ({@code io.atrium.shared.aws.JdkHttpClient}) puts the SDK on it (in AWS the SDK runs on
 * {@code UrlConnectionClient}, ADR 0018); only bytes and strings pass between the two sides (ADR 0107). A request for any other host fails to connect.
 */
final class InProcessHttpClient extends HttpClient {

    private final URI endpoint;
    private final EngineFront front;

    InProcessHttpClient(URI endpoint, EngineFront front) {
        this.endpoint = endpoint;
        this.front = front;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException,
            InterruptedException {
        URI uri = request.uri();
        if (!endpoint.getHost().equals(uri.getHost()) || endpoint.getPort() != uri.getPort()) {
            throw new ConnectException("the in-process DynamoDB Local is " + endpoint + ", not " + uri.getAuthority());
        }
        byte[] body = request.bodyPublisher().map(InProcessHttpClient::drain).orElse(new byte[0]);
        EngineFront.Reply reply;
        try {
            reply = front.call(request.method(), request.headers().map(), body);
        } catch (Exception e) {
            throw new IOException("DynamoDB Local's handler failed: " + e, e);
        }
        HttpHeaders headers = HttpHeaders.of(reply.headers(), (name, value) -> true);
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new Info(reply.status(), headers));
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // everything is delivered at once below
            }

            @Override
            public void cancel() {
                // nothing to stop
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(reply.body())));
        subscriber.onComplete();
        try {
            return new Answer<>(request, reply.status(), headers, subscriber.getBody().toCompletableFuture().get());
        } catch (ExecutionException e) {
            throw new IOException("reading DynamoDB Local's answer failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new InterruptedIOException(e.getMessage()));
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    private static byte[] drain(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.join();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SSLParameters sslParameters() {
        return new SSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }

    private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    private record Answer<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }
}
