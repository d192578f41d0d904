package io.atrium.local.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atrium.local.observe.LogCapture;
import io.atrium.local.observe.RequestTrace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lambda function run in this JVM as Lambda runs it: its own class loader over its jar and layers, its
 * own environment, its own static init, a {@code Context}, the template's timeout. A rebuilt jar or layer
 * is picked up by the first invocation {@link #CODE_CHECK_INTERVAL_MS} ms or more after the last look at the files
 * (a new class loader, so a new static init, as a new Lambda version).
 * One instance serves concurrent invocations (handlers built once at init are thread-safe in this project).
 */
public final class LocalFunction implements AutoCloseable {

    /**
     * How long a cold request waits for init. Lambda gives init 10 s and then retries it inside the invocation;
     * locally (a busy laptop, many cold functions at once) the caller waits up to API Gateway's 29 s.
     */
    static final long INIT_TIMEOUT_MS = 29_000;

    /**
     * How often invocations look at the jar and layer zips for a rebuild (a stat of each): at most once per this
     * many milliseconds per function, not on every request.
     */
    public static final long CODE_CHECK_INTERVAL_MS = 500;

    /** The runtime's own Jackson: annotations of the function's Jackson copy are ignored, as in Lambda. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    static {
        SnapshotHooks.install();
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final ScheduledExecutorService JANITOR = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambda-janitor");
        t.setDaemon(true);
        return t;
    });

    /**
     * What the template says about the function, resolved.
     *
     * @param code jar (or classes directory) of the function
     */
    public record Config(String stack, String logicalId, String functionName, String arn, String handler, Path code,
            List<LocalLayer> layers, Map<String, String> environment, int timeoutSeconds, int memoryMb) {
        public Config {
            layers = List.copyOf(layers);
            environment = Map.copyOf(environment);
        }
    }

    /** The outcome of one invocation: output JSON, or an error, or a timeout. */
    public record Result(JsonNode output, String errorType, String errorMessage, boolean timedOut, long durationMs) {
        public boolean ok() {
            return errorType == null && !timedOut;
        }
    }

    private final Config config;
    private final Path workDir;
    private final Map<String, String> env;
    private volatile Instance current;
    private volatile CodeStamp checked;
    private int generation;
    private volatile boolean closed;

    public LocalFunction(Config config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
        this.env = environment(config);
    }

    public Config config() {
        return config;
    }

    public String name() {
        return config.functionName();
    }

    /** The environment the function sees through {@code System.getenv}. */
    public Map<String, String> environment() {
        return env;
    }

    /** What SnapStart's hooks did in the loaded function (ADR 0016), or null before it is loaded. */
    public SnapshotHooks.State snapshotState() {
        Instance i = current;
        return i == null ? null : i.hooks.state();
    }

    /** Whether the loaded function reaches DynamoDB Local in-process (ADR 0107); false before it is loaded. */
    public boolean dynamoDbInProcess() {
        Instance i = current;
        return i != null && i.dynamoDbInProcess;
    }

    /**
     * Runs the loaded function's SnapStart checkpoint hooks once more, as a later publish of the same code would
     * (tests check what priming leaves behind); loads it first when it is not loaded. Failures are returned.
     */
    public Throwable checkpointAgain() {
        try {
            instance().hooks.checkpoint();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /**
     * Loads the function now (its static init runs, then its SnapStart checkpoint hooks), as a warm-up; failures
     * are returned, not thrown.
     */
    public Throwable warmUp() {
        try {
            instance();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /**
     * Invokes the function with {@code event} (plain Java maps/lists/strings, as JSON would give) and waits at
     * most the template's timeout (plus init when the function is cold).
     */
    public Result invoke(Object event, String requestId) {
        return invoke(event, requestId, Long.MAX_VALUE);
    }

    /**
     * As {@link #invoke(Object, String)}, but the caller stops waiting after {@code maxWaitMs} (API Gateway's
     * 29 s integration limit), which is reported as a timeout.
     */
    public Result invoke(Object event, String requestId, long maxWaitMs) {
        RequestTrace trace = RequestTrace.unrecorded(requestId);
        return invoke(event, maxWaitMs, trace, trace.rootId());
    }

    /**
     * As {@link #invoke(Object, String, long)}, traced: the invocation is a span under {@code parentSpanId} (with an
     * "Initialization" span inside when it loads the function), the function gets the trace header under it, and
     * every line the function prints meanwhile goes to the trace's request.
     */
    public Result invoke(Object event, long maxWaitMs, RequestTrace trace, String parentSpanId) {
        String spanId = RequestTrace.newId();
        long startMicros = RequestTrace.nowMicros();
        Result result = run(event, maxWaitMs, trace, spanId);
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("function", config.functionName());
        if (!result.ok()) {
            annotations.put("error", result.timedOut() ? "timed out" : result.errorType());
        }
        trace.span(spanId, parentSpanId, "Lambda " + config.logicalId(), startMicros, annotations);
        return result;
    }

    private Result run(Object event, long maxWaitMs, RequestTrace trace, String spanId) {
        String requestId = trace.requestId();
        long start = System.nanoTime();
        Instance instance;
        try {
            instance = current;
            if (instance == null || instance.broken || instance.stamp != codeStamp()) {
                long initMicros = RequestTrace.nowMicros();
                Future<Instance> init = POOL.submit(this::instance);
                try {
                    instance = init.get(INIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    trace.span(RequestTrace.newId(), spanId, "Initialization", initMicros, Map.of("function", name()));
                } catch (TimeoutException e) {
                    init.cancel(true);
                    return new Result(null, "Runtime.InitTimeout", "init took longer than 29 s", true, ms(start));
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            logError(requestId, "init failed", cause);
            return new Result(null, "Runtime.InitError", String.valueOf(cause), false, ms(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "Runtime.Interrupted", "interrupted", false, ms(start));
        }
        Instance target = instance;
        long timeoutMs = config.timeoutSeconds() * 1000L;
        long deadline = System.currentTimeMillis() + timeoutMs;
        long waitMs = Math.min(timeoutMs, maxWaitMs);
        Future<Result> run = POOL.submit(() -> LogCapture.capturing(trace::log,
                () -> target.invoke(event, requestId, deadline, start, trace.headerUnder(spanId))));
        try {
            return run.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Lambda throws the sandbox away after a timeout: the next call gets a fresh loader and init
            target.broken = true;
            run.cancel(true);
            System.err.printf("%s %s Task timed out after %d seconds%n", config.functionName(), requestId,
                    config.timeoutSeconds());
            return new Result(null, "Sandbox.Timedout", "Task timed out after " + config.timeoutSeconds() + " seconds",
                    true, ms(start));
        } catch (ExecutionException e) {
            logError(requestId, "invocation failed", e.getCause());
            return new Result(null, "Runtime.Error", String.valueOf(e.getCause()), false, ms(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel(true);
            return new Result(null, "Runtime.Interrupted", "interrupted", false, ms(start));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        Instance i = current;
        current = null;
        if (i != null) {
            i.close();
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The code's stamp as last looked at, and when (System.nanoTime). */
    private record CodeStamp(long value, long checkedAtNanos) {
    }

    /** The stamp of the jar and layers, looked at again only when the last look is older than the interval. */
    private long codeStamp() {
        CodeStamp last = checked;
        if (last != null && System.nanoTime() - last.checkedAtNanos() < CODE_CHECK_INTERVAL_MS * 1_000_000) {
            return last.value();
        }
        return freshCodeStamp();
    }

    private long freshCodeStamp() {
        long now = System.nanoTime();
        long s = FunctionCode.stamp(config.code());
        for (LocalLayer layer : config.layers()) {
            s = s * 31 + layer.stamp();
        }
        checked = new CodeStamp(s, now);
        return s;
    }

    private Instance instance() throws Exception {
        Instance i = current;
        long stamp = codeStamp();
        if (i != null && !i.broken && i.stamp == stamp) {
            return i;
        }
        synchronized (this) {
            i = current;
            // about to load (or to reuse what another thread loaded): the stamp of the files as they are now
            stamp = freshCodeStamp();
            if (i != null && !i.broken && i.stamp == stamp) {
                return i;
            }
            if (closed) {
                throw new IllegalStateException("the local runtime is stopping");
            }
            if (!Files.exists(config.code())) {
                throw new IllegalStateException(config.code() + " does not exist (build it: mvn package)");
            }
            Instance fresh = new Instance(this, stamp, ++generation);
            Instance old = current;
            current = fresh;
            if (old != null) {
                if (old.stamp != stamp) {
                    System.err.printf("%s: reloaded %s%n", config.functionName(), config.code().getFileName());
                }
                // requests still running on the old instance may load classes for a while
                JANITOR.schedule(old::close, 60, TimeUnit.SECONDS);
            }
            return fresh;
        }
    }

    private void logError(String requestId, String what, Throwable t) {
        Throwable root = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
        System.err.printf("%s %s %s: %s%n", config.functionName(), requestId, what, root);
        root.printStackTrace();
    }

    private static Map<String, String> environment(Config c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String passThrough : List.of("PATH", "LANG", "HOME", "TMPDIR")) {
            String v = System.getenv(passThrough);
            if (v != null) {
                env.put(passThrough, v);
            }
        }
        env.put("TZ", ":UTC");
        env.putAll(c.environment());
        // Lambda's reserved variables: the template cannot override them
        String region = c.arn().split(":")[3];
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_LAMBDA_FUNCTION_NAME", c.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(c.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + c.functionName());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("_HANDLER", c.handler());
        env.put("LAMBDA_TASK_ROOT", c.code().getParent() == null ? "/" : c.code().getParent().toString());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.remove("JAVA_TOOL_OPTIONS");
        return env;
    }

    /** One loaded generation of the function: loader, handler object and method. */
    private static final class Instance {
        private final LocalFunction owner;
        private final long stamp;
        private final FunctionClassLoader loader;
        private final Object handler;
        private final Method method;
        private final boolean stream;
        private final JavaType inputType;
        private final Class<?> contextType;
        private final Class<?> loggerType;
        private final SnapshotHooks hooks;
        private final boolean dynamoDbInProcess;
        private volatile boolean broken;

        Instance(LocalFunction owner, long stamp, int generation) throws Exception {
            this.owner = owner;
            this.stamp = stamp;
            Config c = owner.config;
            List<URL> urls = new ArrayList<>();
            urls.add(LocalLayer.url(FunctionCode.snapshot(c.code(), owner.workDir, c.functionName(), generation)));
            for (LocalLayer layer : c.layers()) {
                urls.addAll(layer.jars());
            }
            FunctionClassLoader l = new FunctionClassLoader("lambda:" + c.functionName(), urls);
            if (l.findResource("com/amazonaws/services/lambda/runtime/Context.class") == null) {
                // Lambda's Java runtime supplies aws-lambda-java-core when the function does not
                l.close();
                urls.add(lambdaCoreJar());
                l = new FunctionClassLoader("lambda:" + c.functionName(), urls);
            }
            this.loader = l;
            loader.installEnvironment(owner.env);
            this.dynamoDbInProcess = InProcessDataPath.install(loader, owner.env);
            String handlerSpec = c.handler();
            int sep = handlerSpec.indexOf("::");
            String className = sep < 0 ? handlerSpec : handlerSpec.substring(0, sep);
            String methodName = sep < 0 ? "handleRequest" : handlerSpec.substring(sep + 2);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Class<?> type;
                try {
                    type = Class.forName(className, true, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("handler class " + className + " is not in " + c.code()
                            + " or its layers", e);
                }
                this.method = findMethod(type, methodName);
                this.handler = Modifier.isStatic(method.getModifiers()) ? null : type.getDeclaredConstructor().newInstance();
                this.contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
                this.loggerType = loader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
                this.hooks = new SnapshotHooks(loader);
                hooks.checkpoint();
            } finally {
                thread.setContextClassLoader(previous);
            }
            Class<?>[] params = method.getParameterTypes();
            this.stream = params.length >= 2 && params[0] == InputStream.class && params[1] == OutputStream.class;
            this.inputType = stream || params.length == 0 || params[0].getName().endsWith(".Context") ? null
                    : MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
        }

        private static Method findMethod(Class<?> type, String name) {
            Method best = null;
            for (Method m : type.getMethods()) {
                if (!m.getName().equals(name) || m.isBridge() || m.isSynthetic() || m.getParameterCount() > 3) {
                    continue;
                }
                if (best == null || score(m) > score(best)) {
                    best = m;
                }
            }
            if (best == null) {
                throw new IllegalStateException("no public method " + name + " in " + type.getName());
            }
            return best;
        }

        private static int score(Method m) {
            Class<?>[] p = m.getParameterTypes();
            int s = p.length * 10;
            if (p.length > 0 && p[p.length - 1].getName().equals("com.amazonaws.services.lambda.runtime.Context")) {
                s += 5;
            }
            if (p.length > 0 && p[0] == Object.class) {
                s -= 3;
            }
            return s;
        }

        Result invoke(Object event, String requestId, long deadline, long startNanos, String traceHeader) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                hooks.restoreOnce();
                Object context = context(requestId, deadline, traceHeader);
                Class<?>[] params = method.getParameterTypes();
                Object[] args = new Object[params.length];
                ByteArrayOutputStream out = null;
                if (stream) {
                    args[0] = new ByteArrayInputStream(MAPPER.writeValueAsBytes(event));
                    out = new ByteArrayOutputStream();
                    args[1] = out;
                    if (params.length == 3) {
                        args[2] = context;
                    }
                } else {
                    for (int i = 0; i < params.length; i++) {
                        if (params[i] == contextType) {
                            args[i] = context;
                        } else if (i == 0) {
                            args[0] = MAPPER.convertValue(event, inputType);
                        }
                    }
                }
                Object output;
                try {
                    output = method.invoke(handler, args);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    System.err.printf("%s %s {\"errorType\":\"%s\",\"errorMessage\":%s}%n", owner.config.functionName(),
                            requestId, cause.getClass().getName(), MAPPER.writeValueAsString(cause.getMessage()));
                    cause.printStackTrace();
                    return new Result(null, cause.getClass().getName(), cause.getMessage(), false, ms(startNanos));
                }
                JsonNode json;
                if (stream) {
                    byte[] bytes = out.toByteArray();
                    json = bytes.length == 0 ? null : parseOrText(bytes);
                } else {
                    json = output == null ? null : MAPPER.valueToTree(output);
                }
                return new Result(json, null, null, false, ms(startNanos));
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private static JsonNode parseOrText(byte[] bytes) {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                return MAPPER.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
            }
        }

        private Object context(String requestId, long deadline, String traceHeader) {
            Config c = owner.config;
            Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "log" -> {
                        Object msg = args[0];
                        String text = msg instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(msg);
                        System.out.print(text.endsWith("\n") ? text : text + "\n");
                        return null;
                    }
                    default -> {
                        return objectMethod(proxy, m, args, "LambdaLogger");
                    }
                }
            });
            InvocationHandler h = (proxy, m, args) -> switch (m.getName()) {
                case "getAwsRequestId" -> requestId;
                case "getLogGroupName" -> "/aws/lambda/" + c.functionName();
                case "getLogStreamName" -> "local/" + c.functionName();
                case "getFunctionName" -> c.functionName();
                case "getFunctionVersion" -> "$LATEST";
                case "getInvokedFunctionArn" -> c.arn();
                case "getIdentity", "getClientContext", "getTenantId" -> null;
                case "getXrayTraceId" -> traceHeader;
                case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB" -> c.memoryMb();
                case "getLogger" -> logger;
                default -> objectMethod(proxy, m, args, "Context " + requestId);
            };
            return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, h);
        }

        private static Object objectMethod(Object proxy, Method m, Object[] args, String name) throws Throwable {
            return switch (m.getName()) {
                case "toString" -> name;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> m.isDefault() ? InvocationHandler.invokeDefault(proxy, m, args) : null;
            };
        }

        void close() {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the jar snapshot stays on disk until the work dir is removed
            }
        }
    }

    private static URL lambdaCoreJar() {
        try {
            URL location = Class.forName("com.amazonaws.services.lambda.runtime.Context").getProtectionDomain()
                    .getCodeSource().getLocation();
            return Objects.requireNonNull(location);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("aws-lambda-java-core is not on the local runtime's classpath", e);
        }
    }
}
