package io.atrium.local.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (the Maven Central artifact) running inside this JVM and listening on a loopback port, so
 * the AWS CLI and other processes can use it too. Its sqlite natives come from inside the DynamoDB Local
 * jar (3.x extracts them to a temp dir itself), so no {@code sqlite4java.library.path} is needed.
 */
public final class DynamoDbLocal implements AutoCloseable {

    /**
     * Set to {@code false} ({@code -Datrium.local.dynamodb.inProcess=false}) to send functions' DynamoDB calls over the
     * loopback port, as before ADR 0107 (benchmarks compare the two paths).
     */
    public static final String IN_PROCESS_PROPERTY = "atrium.local.dynamodb.inProcess";

    private static DynamoDbLocal shared;
    /** The started instances of this JVM by endpoint, so a function naming one gets its in-process path. */
    private static final java.util.Map<URI, DynamoDbLocal> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    private final DynamoDBProxyServer server;
    private final int port;
    private final URI endpoint;
    private final Path dbDir;
    private final DynamoDbClient client;
    private final EngineFront front;
    private final InProcessHttpClient inProcess;
    private volatile boolean stopped;

    private DynamoDbLocal(DynamoDBProxyServer server, int port, Path dbDir, DynamoDbClient client)
            throws ReflectiveOperationException {
        this.server = server;
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.dbDir = dbDir;
        this.client = client;
        this.front = EngineFront.of(server);
        this.inProcess = new InProcessHttpClient(endpoint, front);
        RUNNING.put(endpoint, this);
    }

    /**
     * The one in-memory DynamoDB Local of this JVM, started on first use on a free loopback port and stopped
     * by a shutdown hook. Tests share it and keep apart by table name prefix.
     */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null) {
            shared = start(null, 0);
            DynamoDbLocal instance = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "dynamodb-local-stop"));
        }
        return shared;
    }

    /**
     * Starts a new DynamoDB Local.
     *
     * @param dbDir directory for the database file, or null to keep everything in memory
     * @param port  the port, or 0 for a free one
     */
    public static DynamoDbLocal start(Path dbDir, int port) {
        // DynamoDB Local logs through log4j; log4j-core's start-up (plugins, XML, JMX) costs most of a second
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "ERROR"); // WARN: a stack trace per refused request
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++) {
            int p = port == 0 ? freePort() : port;
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(p), "-sharedDb", "-disableTelemetry"));
            if (dbDir == null) {
                args.add("-inMemory");
            } else {
                try {
                    Files.createDirectories(dbDir);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot create DynamoDB Local directory " + dbDir + ": " + e, e);
                }
                args.add("-dbPath");
                args.add(dbDir.toAbsolutePath().toString());
            }
            // the SDK client loads while the server starts
            URI endpoint = URI.create("http://127.0.0.1:" + p);
            java.util.concurrent.CompletableFuture<DynamoDbClient> client =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> newClient(endpoint));
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                loopbackOnly(server);
                server.start();
                awaitListening(p);
                return new DynamoDbLocal(server, p, dbDir, client.join());
            } catch (Exception e) {
                client.thenAccept(DynamoDbClient::close);
                last = new IllegalStateException("DynamoDB Local did not start on port " + p + ": " + e, e);
            }
        }
        throw last;
    }

    /** Where DynamoDB Local listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    /** The database directory, or null when in memory. */
    public Path dbDir() {
        return dbDir;
    }

    /** An SDK v2 client for this instance (UrlConnectionHttpClient, us-east-1, dummy static credentials). */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * The in-process path to the DynamoDB Local of this JVM listening at {@code endpoint} (ADR 0107): a JDK HTTP client
     * whose requests its handler answers without a socket. Empty when no such instance runs here, or when
     * {@value #IN_PROCESS_PROPERTY} is {@code false}.
     */
    public static java.util.Optional<java.net.http.HttpClient> inProcess(URI endpoint) {
        if ("false".equals(System.getProperty(IN_PROCESS_PROPERTY))) {
            return java.util.Optional.empty();
        }
        return running(endpoint).map(running -> running.inProcess);
    }

    /** The DynamoDB Local of this JVM listening at {@code endpoint}, if one runs here. */
    public static java.util.Optional<DynamoDbLocal> running(URI endpoint) {
        return java.util.Optional.ofNullable(RUNNING.get(endpoint));
    }

    /** How many requests this instance answered in-process (tests prove functions take that path). */
    public long inProcessCalls() {
        return front.calls();
    }

    /** A new SDK v2 client for a DynamoDB Local endpoint; the caller closes it. */
    public static DynamoDbClient newClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A new DynamoDB Streams client for a DynamoDB Local endpoint; the caller closes it. */
    public static DynamoDbStreamsClient newStreamsClient(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        RUNNING.remove(endpoint, this);
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e, e);
        }
    }

    /** DynamoDB Local listens on every interface; on a developer's laptop only this machine should reach it. */
    private static void loopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        java.lang.reflect.Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        org.eclipse.jetty.server.Server jetty = (org.eclipse.jetty.server.Server) field.get(proxy);
        for (org.eclipse.jetty.server.Connector connector : jetty.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.ServerConnector network) {
                network.setHost("127.0.0.1");
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e, e);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("DynamoDB Local is not listening on port " + port + " after 10 s");
    }
}
