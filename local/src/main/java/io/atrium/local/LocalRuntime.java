package io.atrium.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atrium.local.apigateway.RestApi;
import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.console.ConsoleServer;
import io.atrium.local.apigateway.Route;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.http.HttpServer;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.schedule.ScheduleTrigger;
import io.atrium.local.sqs.SqsServer;
import io.atrium.local.observe.Telemetry;
import io.atrium.local.stack.EventSource;
import io.atrium.local.sam.FunctionDescriptions;
import io.atrium.local.stack.LocalStack;
import io.atrium.local.stack.Registry;
import io.atrium.local.stack.StackDefinition;
import io.atrium.local.stack.StackGraph;
import io.atrium.local.template.TemplateException;
import io.atrium.local.template.TemplateResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every stack of the repository running on this machine from its template, without AWS or Docker:
 * DynamoDB Local with the declared tables, each stack's API on its own port under {@code /{stage}}, each
 * function isolated as in Lambda. {@link io.atrium.local.cli.LocalCommand} is what {@code scripts/local} runs;
 * tests use {@link io.atrium.local.junit.LocalSystemExtension}.
 */
public final class LocalRuntime implements AutoCloseable {

    /** Default first port: DynamoDB Local listens here, the APIs on the next ports in stack name order. */
    public static final int DEFAULT_BASE_PORT = 4000;

    /** The local Cognito (token endpoint, JWKS, IdP API) listens on base port + 90 (4090 by default). */
    public static final int COGNITO_PORT_OFFSET = 90;

    /** The local SQS (ElasticMQ) listens on base port + 91 (4091 by default). */
    public static final int SQS_PORT_OFFSET = 91;

    /** What the log says when the background warm-up has loaded every function. */
    public static final String WARM_UP_DONE = "local runtime: background warm-up done, every function loaded";

    /** The schedules' fire-now endpoint listens on base port + 92 (4092 by default). */
    public static final int SCHEDULES_PORT_OFFSET = 92;

    /** The console (requests, logs, traces, stacks) listens on base port + 99 (4099 by default). */
    public static final int CONSOLE_PORT_OFFSET = 99;

    /** How to start. */
    public static final class Options {
        private Path root;
        private List<Path> templates;
        private Path persistDir;
        private int basePort;
        private String tablePrefix;
        private boolean warmUp = true;
        private Duration maxVisibilityTimeout = SqsServer.maxVisibilityFromProperty();
        private PrintStream log = System.err;
        private final List<LocalService> services = new ArrayList<>();

        /** The repository root (default: {@link ProjectLayout#root()}). */
        public Options root(Path root) {
            this.root = root;
            return this;
        }

        /** The templates to start (default: every {@code {root}/*}/template.yaml). */
        public Options templates(List<Path> templates) {
            this.templates = List.copyOf(templates);
            return this;
        }

        /** Keep DynamoDB data in this folder across runs (default: in memory). */
        public Options persistDir(Path dir) {
            this.persistDir = dir;
            return this;
        }

        /**
         * First port (DynamoDB Local), the APIs on the following ones; 0 (the default here) picks free ports and
         * shares the JVM's in-memory {@link DynamoDbLocal#shared()}.
         */
        public Options basePort(int port) {
            this.basePort = port;
            return this;
        }

        /** Prepended to every table name, to keep runtimes sharing one DynamoDB Local apart. */
        public Options tablePrefix(String prefix) {
            this.tablePrefix = prefix;
            return this;
        }

        /** Load every function in the background after start, so first requests are warm (default true). */
        public Options warmUp(boolean warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        /**
         * Cut every queue's visibility timeout to this (default: the system property
         * {@value SqsServer#MAX_VISIBILITY_PROPERTY} in seconds, else as declared), so that tests see a failed
         * message come back in seconds instead of minutes.
         */
        public Options maxVisibilityTimeout(Duration max) {
            this.maxVisibilityTimeout = max;
            return this;
        }

        /** Where start-up notes and warm-up failures go (default System.err). */
        public Options log(PrintStream log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        public Options service(LocalService service) {
            services.add(service);
            return this;
        }
    }

    /** One served API: the stack it belongs to, its base URL and the API. */
    public record Endpoint(String key, URI baseUrl, RestApi api) {
    }

    private final Path root;
    private final DynamoDbLocal dynamoDb;
    private final boolean ownsDynamoDb;
    private final Registry registry;
    private final List<LocalStack> stacks;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private ScheduleTrigger scheduleTrigger;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final List<LocalService> services;
    private final Path workDir;
    private final long startedMillis;
    private ConsoleServer console;
    private volatile boolean closed;

    private LocalRuntime(Path root, DynamoDbLocal dynamoDb, boolean ownsDynamoDb, Registry registry,
            List<LocalStack> stacks, List<LocalService> services, Path workDir, long startedMillis) {
        this.root = root;
        this.dynamoDb = dynamoDb;
        this.ownsDynamoDb = ownsDynamoDb;
        this.registry = registry;
        this.stacks = stacks;
        this.services = services;
        this.workDir = workDir;
        this.startedMillis = startedMillis;
    }

    /**
     * Starts every stack. Throws {@link TemplateException} (naming template, logical id and line) for anything
     * the templates ask that cannot be emulated; nothing is left running then.
     */
    public static LocalRuntime start(Options options) {
        long t0 = System.nanoTime();
        Timing timing = new Timing(options.log);
        if (System.getProperty("http.maxConnections") == null) {
            // one function instance serves concurrent requests here (a sandbox each in Lambda): let its SDK keep a
            // connection to DynamoDB Local per request in flight instead of HttpURLConnection's default five
            System.setProperty("http.maxConnections", "64");
        }
        boolean ownDb = options.basePort != 0 || options.persistDir != null;
        // DynamoDB Local takes the longest to start: it starts while the templates are read
        CompletableFuture<DynamoDbLocal> dbStart = CompletableFuture.supplyAsync(() -> {
            DynamoDbLocal started = ownDb ? DynamoDbLocal.start(options.persistDir, options.basePort) : DynamoDbLocal.shared();
            started.client().listTables(); // loads the SDK while the templates are read
            timing.mark("dynamodb local ready");
            return started;
        });
        Path root;
        List<StackDefinition> ordered;
        try {
            root = options.root != null ? options.root.toAbsolutePath().normalize() : ProjectLayout.root();
            ordered = readAndOrder(options, root);
            timing.mark("templates read and ordered");
        } catch (RuntimeException | Error e) {
            dbStart.thenAccept(db -> {
                if (ownDb) {
                    db.close();
                }
            });
            throw e;
        }
        // ElasticMQ and the local Cognito start while DynamoDB Local does (ADR 0104, 0109); the region is the first stack's
        AccountStart account = AccountStart.begin(options.basePort == 0 ? 0 : options.basePort + SQS_PORT_OFFSET,
                options.basePort == 0 ? 0 : options.basePort + COGNITO_PORT_OFFSET,
                ordered.get(0).config().region().orElse(TemplateResolver.DEFAULT_REGION), options.maxVisibilityTimeout,
                options.persistDir == null ? null : options.persistDir.resolve("cognito"), timing::mark);
        DynamoDbLocal db;
        try {
            db = joined(dbStart);
        } catch (RuntimeException e) {
            account.closeUnregistered(new Registry());
            throw e;
        }
        LocalRuntime runtime = startStacks(options, root, ordered, db, account, ownDb, timing);
        if (options.warmUp) {
            runtime.warmUpInBackground(options.log);
        }
        options.log.printf("local runtime: %d stacks serving in %d ms%n", runtime.stacks.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return runtime;
    }

    private static <T> T joined(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** The local Cognito, the stacks in order, their APIs, the extra services and the event sources. */
    private static LocalRuntime startStacks(Options options, Path root, List<StackDefinition> ordered, DynamoDbLocal db,
            AccountStart account, boolean ownDb, Timing timing) {
        Path workDir = createWorkDir();
        Registry registry = new Registry();
        List<LocalStack> started = new ArrayList<>();
        LocalRuntime runtime = null;
        try {
            registry.sqs(account.sqs());
            // Cognito is the account's: it must listen before the stacks, whose functions get its endpoint
            CognitoEmulator cognito = account.cognito();
            cognito.functions(registry::functionByArn);
            registry.cognito(cognito);
            // the functions' X-Ray daemon address comes from here: before the stacks
            registry.telemetry(Telemetry.start());
            for (StackDefinition def : ordered) {
                started.add(LocalStack.start(def, registry, db.client(), db.endpoint(), workDir, options.tablePrefix));
                timing.mark("stack " + def.name() + " started");
            }
            runtime = new LocalRuntime(root, db, ownDb, registry, started, List.copyOf(options.services), workDir,
                    System.currentTimeMillis());
            runtime.serve(options.basePort);
            runtime.extra.putAll(cognito.endpoints());
            runtime.extra.put("sqsEndpoint", registry.sqs().endpoint().toString());
            runtime.extra.put("queues", registry.sqs().queues());
            runtime.startConsole(options.basePort);
            runtime.startServices();
            runtime.startEventSources();
            runtime.scheduleTrigger = ScheduleTrigger.start(options.basePort == 0 ? 0
                    : options.basePort + SCHEDULES_PORT_OFFSET, registry.schedules(), runtime.console.origins());
            runtime.extra.put("schedules", runtime.scheduleTrigger.urls());
            return runtime;
        } catch (RuntimeException | Error e) {
            account.closeUnregistered(registry);
            closeAfterFailedStart(runtime, registry, started, ownDb ? db : null, workDir);
            throw e;
        } catch (Exception e) {
            account.closeUnregistered(registry);
            closeAfterFailedStart(runtime, registry, started, ownDb ? db : null, workDir);
            throw new IllegalStateException("a local service did not start: " + e, e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("atrium-local-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every API records its requests for the console, which listens from now on. */
    private void startConsole(int basePort) throws IOException {
        Telemetry telemetry = registry.telemetry();
        endpoints.forEach(e -> e.api().telemetry(telemetry));
        console = ConsoleServer.start(this, telemetry, basePort == 0 ? 0 : basePort + CONSOLE_PORT_OFFSET);
        extra.put("consoleUrl", console.url().toString());
    }

    /** Each schedule ({@code stack/LogicalId}) and the URL that fires it now (empty before they listen). */
    public Map<String, String> scheduleUrls() {
        return scheduleTrigger == null ? Map.of() : scheduleTrigger.urls();
    }

    /** What the console shows: every request, its log lines and its trace's spans. */
    public Telemetry telemetry() {
        return registry.telemetry();
    }

    private void startServices() throws Exception {
        for (LocalService s : services) {
            Map<String, Object> more = s.start(this);
            if (more != null) {
                extra.putAll(more);
            }
        }
    }

    /** Queue pollers, schedules and stream readers, once every API listens (none are declared yet). */
    private void startEventSources() {
        for (LocalStack s : stacks) {
            s.eventSources().forEach(EventSource::start);
        }
    }

    private static List<StackDefinition> readAndOrder(Options options, Path root) {
        List<Path> files = options.templates != null
                ? options.templates.stream().map(p -> p.isAbsolute() ? p : root.resolve(p)).toList()
                : StackGraph.discover(root);
        if (files.isEmpty()) {
            throw new IllegalStateException("no */template.yaml under " + root);
        }
        List<StackDefinition> definitions = new ArrayList<>();
        for (Path f : files) {
            definitions.add(StackDefinition.read(root, f));
        }
        return StackGraph.order(definitions);
    }

    /** Start-up phases, printed with {@code -Datrium.local.timing=true}. */
    private static final class Timing {
        private final PrintStream out;
        private final long start = System.nanoTime();
        private final boolean on = Boolean.getBoolean("atrium.local.timing");

        Timing(PrintStream out) {
            this.out = out;
        }

        synchronized void mark(String what) {
            if (on) {
                out.printf("  %6d ms  %s%n", (System.nanoTime() - start) / 1_000_000, what);
            }
        }
    }

    private static void closeAfterFailedStart(LocalRuntime runtime, Registry registry, List<LocalStack> stacks,
            DynamoDbLocal db, Path workDir) {
        if (runtime != null) {
            runtime.close();
            return;
        }
        stacks.forEach(LocalStack::close);
        closeAccount(registry);
        if (db != null) {
            db.close();
        }
        deleteTree(workDir);
    }

    /** The account's services (Cognito, SQS, the console's recorder), after the stacks whose event sources use them. */
    private static void closeAccount(Registry registry) {
        if (registry.cognito() != null) {
            registry.cognito().close();
        }
        if (registry.sqs() != null) {
            registry.sqs().close();
        }
        if (registry.telemetry() != null) {
            registry.telemetry().close();
        }
    }

    private void serve(int basePort) throws IOException {
        List<RestApi> apis = new ArrayList<>();
        for (LocalStack s : stacks) {
            apis.addAll(s.apis());
        }
        apis.sort(Comparator.comparing(RestApi::stack).thenComparing(RestApi::logicalId));
        int next = basePort == 0 ? 0 : basePort + 1;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Map<String, Integer> perStack = new LinkedHashMap<>();
        for (RestApi api : apis) {
            HttpServer server;
            try {
                server = HttpServer.start(loopback, next, api, api.stack());
            } catch (IOException e) {
                throw new IllegalStateException("the " + api.stack() + " API " + e.getMessage()
                        + ": is another scripts/local running? Choose other ports with --base-port", e);
            }
            servers.add(server);
            api.port(server.port());
            if (next != 0) {
                next++;
            }
            int n = perStack.merge(api.stack(), 1, Integer::sum);
            String key = n == 1 ? api.stack() : api.stack() + "/" + api.logicalId();
            endpoints.add(new Endpoint(key, URI.create("http://127.0.0.1:" + server.port() + "/" + api.stage()), api));
        }
    }

    /** Loads every function on one low-priority thread; says when it is done ({@code LocalBench} waits for that line). */
    private void warmUpInBackground(PrintStream log) {
        long started = System.nanoTime();
        Thread t = new Thread(() -> {
            for (LocalStack s : stacks) {
                for (LocalFunction f : s.functions().values()) {
                    if (closed) {
                        return;
                    }
                    Throwable failure = f.warmUp();
                    if (failure != null && !closed) {
                        Throwable cause = failure;
                        while (cause.getCause() != null && (cause instanceof java.lang.reflect.InvocationTargetException
                                || cause instanceof ExceptionInInitializerError
                                || cause instanceof java.util.concurrent.ExecutionException)) {
                            cause = cause.getCause();
                        }
                        log.printf("warning: %s (%s) does not initialise: %s%n", f.name(), s.definition().name(), cause);
                    }
                }
            }
            log.printf("%s %d ms after start%n", WARM_UP_DONE, (System.nanoTime() - started) / 1_000_000);
        }, "local-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public Path root() {
        return root;
    }

    /** The started stacks, in start order. */
    public List<LocalStack> stacks() {
        return stacks;
    }

    /** Every served API. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Stack (folder) name -> base URL, e.g. {@code partner -> http://127.0.0.1:4002/v1}. */
    public Map<String, URI> baseUrls() {
        Map<String, URI> out = new LinkedHashMap<>();
        endpoints.forEach(e -> out.put(e.key(), e.baseUrl()));
        return out;
    }

    /** The base URL of a stack's API; an error naming the stacks there are when it has none. */
    public URI baseUrl(String stack) {
        URI u = baseUrls().get(stack);
        if (u == null) {
            throw new IllegalArgumentException("no API for stack '" + stack + "' (APIs: " + baseUrls().keySet() + ")");
        }
        return u;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.client();
    }

    /** Every export of the started stacks. */
    public Map<String, String> exports() {
        return registry.exports();
    }

    public Registry registry() {
        return registry;
    }

    /** A physical table name by its logical id in any started stack, e.g. {@code PartnerTable}. */
    public String tableName(String logicalId) {
        for (LocalStack s : stacks) {
            String name = s.tables().get(logicalId);
            if (name != null) {
                return name;
            }
        }
        throw new IllegalArgumentException("no started stack declares a table " + logicalId);
    }

    /** Adds an entry to endpoints.json (for {@link LocalService}s started later). */
    public void endpoint(String key, Object value) {
        extra.put(key, value);
    }

    /** The content of {@code .local/endpoints.json}. */
    public String endpointsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        baseUrls().forEach((k, v) -> urls.put(k, v.toString()));
        json.put("stacks", urls);
        json.put("dynamodbEndpoint", dynamoDb.endpoint().toString());
        json.putAll(extra);
        // what scripts/sam-local needs to write a SAM template that runs against this runtime (SamLocalTemplate)
        json.put("exports", new java.util.TreeMap<>(registry.exports()));
        json.put("functions", FunctionDescriptions.of(stacks));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #endpointsJson()} to {@code file} (its folder is created). */
    public Path writeEndpoints(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, endpointsJson());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The table of stacks, base URLs and routes printed at start. */
    public void printSummary(PrintStream out) {
        out.printf("%-12s %-34s %s%n", "STACK", "BASE URL", "ROUTES");
        for (Endpoint e : endpoints) {
            List<Route> routes = new ArrayList<>(e.api().routes().routes());
            routes.sort(Comparator.comparing(Route::resourcePath).thenComparing(Route::method));
            boolean first = true;
            for (Route r : routes) {
                String line = String.format("%-7s %-32s -> %s%s", r.method(), r.resourcePath(), r.function().name(),
                        r.authorizer() == null ? "" : "  [authorizer " + r.authorizer().name() + "]");
                out.printf("%-12s %-34s %s%n", first ? e.key() : "", first ? e.baseUrl() : "", line);
                first = false;
            }
            if (first) {
                out.printf("%-12s %-34s %s%n", e.key(), e.baseUrl(), "(no routes)");
            }
        }
        out.printf("%-12s %-34s%n", "dynamodb", dynamoDb.endpoint());
        extra.forEach((k, v) -> {
            if (v instanceof String s) {
                out.printf("%-12s %-34s%n", k, s);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (LocalService s : services) {
            try {
                s.close();
            } catch (RuntimeException e) {
                System.err.println("local service did not stop: " + e);
            }
        }
        servers.forEach(HttpServer::close);
        if (console != null) {
            console.close();
        }
        if (scheduleTrigger != null) {
            scheduleTrigger.close();
        }
        stacks.forEach(LocalStack::close);
        closeAccount(registry);
        if (ownsDynamoDb) {
            dynamoDb.close();
        }
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a loader may still hold it; the OS temp cleaner takes it
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
