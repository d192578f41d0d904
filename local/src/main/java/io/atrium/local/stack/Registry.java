package io.atrium.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.lambda.LocalLayer;
import io.atrium.local.schedule.LocalSchedule;
import io.atrium.local.sqs.SqsServer;
import io.atrium.local.observe.Telemetry;
import io.atrium.local.template.DynamicReferences;
import io.atrium.local.template.Location;
import io.atrium.local.template.TemplateException;
import io.atrium.local.usage.UsagePlans;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the started stacks offer each other, as an AWS account would: exports, SSM parameters, secrets,
 * layer versions and functions by ARN.
 */
public final class Registry implements DynamicReferences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> exports = new LinkedHashMap<>();
    private final Map<String, String> exportedBy = new LinkedHashMap<>();
    private final Map<String, String> ssm = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, LocalLayer> layers = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, LocalSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final UsagePlans usagePlans = new UsagePlans();
    private volatile CognitoEmulator cognito;
    private volatile SqsServer sqs;
    private volatile Telemetry telemetry;

    /** What the console records (requests, logs, spans), or null when nothing is recorded. */
    public Telemetry telemetry() {
        return telemetry;
    }

    public void telemetry(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** The account's Cognito stand-in, or null when none runs (Cognito resources then fail to start). */
    public CognitoEmulator cognito() {
        return cognito;
    }

    public void cognito(CognitoEmulator cognito) {
        this.cognito = cognito;
    }

    /** The account's SQS, or null when none runs (queues then fail to start). */
    public SqsServer sqs() {
        return sqs;
    }

    public void sqs(SqsServer sqs) {
        this.sqs = sqs;
    }

    /** The account's API keys and usage plans (API Gateway's, enforced by every RestApi that requires keys). */
    public UsagePlans usagePlans() {
        return usagePlans;
    }

    public synchronized void export(String name, String value, String stack, Location at) {
        String other = exportedBy.putIfAbsent(name, stack);
        if (other != null) {
            throw new TemplateException(at, "export '" + name + "' is already exported by stack " + other);
        }
        exports.put(name, value);
    }

    public synchronized String exportValue(String name) {
        return exports.get(name);
    }

    public synchronized Map<String, String> exports() {
        return Map.copyOf(exports);
    }

    public synchronized void putSsmParameter(String name, String value) {
        ssm.put(name, value);
    }

    public synchronized void putSecret(String nameOrArn, String value) {
        secrets.put(nameOrArn, value);
    }

    public synchronized void layer(LocalLayer layer) {
        layers.put(layer.arn(), layer);
    }

    public synchronized LocalLayer layer(String arn) {
        return layers.get(arn);
    }

    public synchronized void function(String arn, LocalFunction function) {
        functions.put(arn, function);
    }

    /** A function by ARN (an alias or version qualifier is ignored) or by name. */
    public synchronized LocalFunction functionByArn(String arnOrName) {
        LocalFunction f = functions.get(arnOrName);
        if (f != null) {
            return f;
        }
        String[] p = arnOrName.split(":");
        if (p.length == 8 && p[5].equals("function")) {
            return functions.get(String.join(":", java.util.Arrays.copyOf(p, 7)));
        }
        for (LocalFunction candidate : functions.values()) {
            if (candidate.name().equals(arnOrName)) {
                return candidate;
            }
        }
        return null;
    }

    public synchronized Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    /** Names a created table ({@code name}, its physical name) by its stack and logical id ({@code shared/OrderTable}). */
    public synchronized void table(String name, String key) {
        tables.put(name, key);
    }

    /** The {@code stack/LogicalId} of the table named {@code name}, or {@code name} when no started stack made it. */
    public synchronized String tableKey(String name) {
        return tables.getOrDefault(name, name);
    }

    /** Adds a schedule under {@code stack/LogicalId} (fired now through the schedules URL). */
    public synchronized void schedule(String key, LocalSchedule schedule) {
        schedules.put(key, schedule);
    }

    /** Every schedule of the started stacks, by {@code stack/LogicalId}. */
    public synchronized Map<String, LocalSchedule> schedules() {
        return Map.copyOf(schedules);
    }

    @Override
    public synchronized String secret(String secretId, String jsonKey) {
        String value = secrets.get(secretId);
        if (value == null || jsonKey == null) {
            return value;
        }
        try {
            JsonNode json = JSON.readTree(value);
            JsonNode v = json == null ? null : json.get(jsonKey);
            return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized String ssmParameter(String name) {
        return ssm.get(name);
    }
}
