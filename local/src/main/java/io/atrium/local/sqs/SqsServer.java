package io.atrium.local.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.jdk.javaapi.FutureConverters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The account's SQS on this machine: ElasticMQ's SQS server in this JVM on loopback (ADR 0104), with queue URLs
 * and ARNs shaped as SQS's for the runtime's region and account. Functions reach it through
 * {@code AWS_ENDPOINT_URL_SQS}, people through {@code aws sqs --endpoint-url}. Visibility timeout, long polling,
 * receive counts and the redrive to a DLQ at {@code maxReceiveCount} are ElasticMQ's own.
 */
public final class SqsServer implements AutoCloseable {

    /** The queues' visibility timeouts are cut to this many seconds when set (tests of redelivery, ADR 0105). */
    public static final String MAX_VISIBILITY_PROPERTY = "atrium.local.sqs.maxVisibilityTimeoutSeconds";

    private final SQSRestServer server;
    private final URI endpoint;
    private final String region;
    private final String account;
    private final SqsClient client;
    private final Duration maxVisibility;
    private final Map<String, String> urlsByArn = new LinkedHashMap<>();
    private final Map<String, String> queuesByKey = new LinkedHashMap<>();

    private SqsServer(SQSRestServer server, URI endpoint, String region, String account, Duration maxVisibility) {
        this.server = server;
        this.endpoint = endpoint;
        this.region = region;
        this.account = account;
        this.maxVisibility = maxVisibility;
        this.client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    /**
     * Starts the server on {@code port} (0: a free one) for the given region and account.
     *
     * @param maxVisibility the longest visibility timeout a queue gets (null: as declared)
     */
    public static SqsServer start(int port, String region, String account, Duration maxVisibility) {
        int chosen = port == 0 ? freePort() : port;
        SQSRestServer server;
        try {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(chosen)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                    .withAWSRegion(region).withAWSAccountId(account).start();
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the local SQS (ElasticMQ) cannot listen on port " + chosen
                    + ": is another scripts/local running? Choose other ports with --base-port", e);
        }
        return new SqsServer(server, URI.create("http://127.0.0.1:" + chosen), region, account, maxVisibility);
    }

    /** The longest visibility timeout from {@link #MAX_VISIBILITY_PROPERTY}, or null when it is not set. */
    public static Duration maxVisibilityFromProperty() {
        String v = System.getProperty(MAX_VISIBILITY_PROPERTY);
        return v == null || v.isBlank() ? null : Duration.ofSeconds(Long.parseLong(v.trim()));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server (the runtime's own: pollers, provisioning). */
    public SqsClient client() {
        return client;
    }

    /** The URL SQS gives queue {@code name}: {@code {endpoint}/{account}/{name}}. */
    public String url(String name) {
        return endpoint + "/" + account + "/" + name;
    }

    public String arn(String name) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /**
     * Creates queue {@code name} with {@code attributes} (a visibility timeout above the maximum is cut to it) and
     * lists it under {@code key} (e.g. {@code order/OrderQueue}); its URL.
     */
    public synchronized String create(String key, String name, Map<QueueAttributeName, String> attributes) {
        Map<QueueAttributeName, String> attrs = new LinkedHashMap<>(attributes);
        attrs.computeIfPresent(QueueAttributeName.VISIBILITY_TIMEOUT, (k, v) -> visibility(v));
        if (maxVisibility != null) {
            attrs.putIfAbsent(QueueAttributeName.VISIBILITY_TIMEOUT, visibility("30"));
        }
        String url = client.createQueue(r -> r.queueName(name).attributes(attrs)).queueUrl();
        urlsByArn.put(arn(name), url);
        queuesByKey.put(key, url);
        return url;
    }

    private String visibility(String declared) {
        long seconds = Long.parseLong(declared);
        return maxVisibility == null ? declared : Long.toString(Math.min(seconds, maxVisibility.toSeconds()));
    }

    /** Sets attributes of a created queue (a redrive policy, once its DLQ exists). */
    public void attributes(String url, Map<QueueAttributeName, String> attributes) {
        client.setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
    }

    /** The URL of a created queue by its ARN, or null. */
    public synchronized String urlByArn(String arn) {
        return urlsByArn.get(arn);
    }

    /** Every created queue, {@code stack/LogicalId} -> URL, for endpoints.json. */
    public synchronized Map<String, String> queues() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queuesByKey));
    }

    /**
     * Stops listening. ElasticMQ's own {@code stopAndWait} also waits for every open long poll to end (up to
     * {@code WaitTimeSeconds}, 20 s), which held Ctrl-C for 18 s; the runtime waits 2 s at most and leaves the rest to
     * end with the JVM (or, in a test JVM, on its own).
     */
    @Override
    public void close() {
        client.close();
        try {
            FutureConverters.asJava(server.stopAndGetFuture().apply()).toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // long polls still open: nothing of ours waits on them
        } catch (ExecutionException e) {
            throw new IllegalStateException("the local SQS did not stop", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
