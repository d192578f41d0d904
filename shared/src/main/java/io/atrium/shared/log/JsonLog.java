package io.atrium.shared.log;

import io.atrium.shared.json.Json;
import io.atrium.shared.trace.Invocation;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch. Callers pass named fields;
 * never a token, a secret or a whole request body. Inside an invocation every line carries its X-Ray trace id
 * and whether it is the container's cold start.
 */
public final class JsonLog {
    private static final PrintStream OUT = System.out;
    private static final String FUNCTION = System.getenv("AWS_LAMBDA_FUNCTION_NAME");

    private final String service;

    public JsonLog(String service) {
        this.service = service;
    }

    public void info(Map<String, Object> fields) {
        write("INFO", fields);
    }

    public void error(Map<String, Object> fields) {
        write("ERROR", fields);
    }

    /** A security-relevant event (cross-tenant access, refused token...), always at WARN. */
    public void security(String event, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("securityEvent", event);
        all.putAll(fields);
        write("WARN", all);
    }

    private void write(String level, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("service", service);
        if (FUNCTION != null) {
            line.put("function", FUNCTION);
        }
        Invocation invocation = Invocation.current();
        if (invocation != null) {
            if (invocation.traceId() != null) {
                line.put("traceId", invocation.traceId());
            }
            line.put("coldStart", invocation.coldStart());
        }
        line.putAll(fields);
        String text = Json.write(line);
        synchronized (OUT) {
            OUT.println(text);
        }
    }
}
