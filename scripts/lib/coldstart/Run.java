import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One measured cold start, in a fresh JVM: the handler is built (init) and answers the function's event once.
 * Modes: {@code fresh} (init, then the first request), {@code primed} (init, SnapStart's checkpoint and restore
 * hooks through CRaC as Lambda calls them, then the first request: the first invocation after a restore),
 * {@code warm} (as fresh, then {@value #WARM_RUNS} more requests: the median of the last half is the warm duration).
 * Prints: epoch microseconds at init done and at the first answer, the first request's own microseconds, the
 * answer's status (an authorizer's: allow), and in warm mode the warm median in microseconds. Only java.* is named here: the zero-dependency handler runs with nothing else on the path.
 */
public final class Run {
    static final int WARM_RUNS = 400;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String event = Files.readString(Path.of(args[2]));
        Object handler = Class.forName(args[1]).getDeclaredConstructor().newInstance();
        Method entry = entryPoint(handler.getClass());
        long initDone = epochMicros();
        if (mode.equals("primed")) {
            snapshotAndRestore();
        }
        long started = System.nanoTime();
        String answer = invoke(handler, entry, event);
        long invokeMicros = (System.nanoTime() - started) / 1_000;
        long answered = epochMicros();
        Class.forName("RunMarker"); // the class-load log is counted up to this line
        String line = initDone + " " + answered + " " + invokeMicros + " " + status(answer);
        System.out.println(mode.equals("warm") ? line + " " + warmMedianMicros(handler, entry, event, status(answer)) : line);
    }

    /**
     * One invocation through Lambda's entry point, with a fresh Idempotency-Key; the answer's JSON. A typed handler
     * (the authorizer's {@code handleRequest(Map, Context)}) gets the event as the runtime would read it into a map,
     * and its answer written back, by {@link RuntimeJson}.
     */
    private static String invoke(Object handler, Method entry, String event) throws Exception {
        String json = event.replace("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
        if (entry.getParameterTypes()[0] == Map.class) {
            return RuntimeJson.write(entry.invoke(handler, RuntimeJson.read(json), null));
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object[] arguments = entry.getParameterCount() == 3 ? new Object[] {new ByteArrayInputStream(bytes), out, null}
                : new Object[] {new ByteArrayInputStream(bytes), out};
        entry.invoke(handler, arguments);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every warm answer must have the first one's status: a warm figure of an error path would mislead. */
    private static long warmMedianMicros(Object handler, Method entry, String event, String status) throws Exception {
        long[] micros = new long[WARM_RUNS / 2];
        for (int i = 0; i < WARM_RUNS; i++) {
            long started = System.nanoTime();
            String answer = invoke(handler, entry, event);
            if (!status(answer).equals(status)) {
                throw new IllegalStateException("warm request " + i + " answered " + answer);
            }
            if (i >= WARM_RUNS / 2) {
                micros[i - WARM_RUNS / 2] = (System.nanoTime() - started) / 1_000;
            }
        }
        java.util.Arrays.sort(micros);
        return micros[micros.length / 2];
    }

    /**
     * Lambda's entry point: {@code handleRequest(InputStream, OutputStream[, Context])}, or a typed
     * {@code handleRequest(Map, Context)}, whose JSON mapper the runtime builds when it loads the handler (at init).
     */
    private static Method entryPoint(Class<?> type) throws Exception {
        for (Method m : type.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("handleRequest") && p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
                return m;
            }
        }
        for (Method m : type.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("handleRequest") && p.length == 2 && p[0] == Map.class && !m.isBridge()) {
                RuntimeJson.write(RuntimeJson.read("{\"init\":\"\"}"));
                return m;
            }
        }
        throw new IllegalArgumentException(type + " has no stream or map handleRequest");
    }

    /**
     * The Lambda runtime's part for a typed handler: the event's JSON read into a map and the answer written as JSON,
     * here with the class path's Jackson (found by name: the zero-dependency handler runs without it).
     */
    static final class RuntimeJson {
        private static Object mapper;

        static Object read(String json) throws Exception {
            return mapper().getClass().getMethod("readValue", String.class, Class.class).invoke(mapper, json, Map.class);
        }

        static String write(Object value) throws Exception {
            return (String) mapper().getClass().getMethod("writeValueAsString", Object.class).invoke(mapper, value);
        }

        private static Object mapper() throws Exception {
            if (mapper == null) {
                mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper").getDeclaredConstructor().newInstance();
            }
            return mapper;
        }
    }

    /** SnapStart's hooks, as CRaC runs them (the local runtime's implementation, found by org.crac.Core.Compat). */
    private static void snapshotAndRestore() throws Exception {
        Class<?> core = Class.forName("io.atrium.local.lambda.crac.Core");
        Class<?> context = Class.forName("io.atrium.local.lambda.crac.Context");
        Object global = core.getMethod("getGlobalContext").invoke(null);
        context.getMethod("beforeCheckpoint", context).invoke(global, new Object[] {null});
        context.getMethod("afterRestore", context).invoke(global, new Object[] {null});
    }

    /** The proxy answer's status code, or for an authorizer's answer its policy's effect ({@code allow}). */
    private static String status(String answer) {
        if (answer.contains("\"policyDocument\"")) {
            return answer.contains("\"Effect\":\"Allow\"") ? "allow" : "deny";
        }
        int at = answer.indexOf("\"statusCode\":");
        return at < 0 ? "?" : answer.substring(at + 13, Math.min(answer.length(), at + 16));
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The zero-dependency handler: reads the event, answers a constant. */
    public static final class Zero {
        public void handleRequest(InputStream in, OutputStream out) throws Exception {
            in.readAllBytes();
            out.write("{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
