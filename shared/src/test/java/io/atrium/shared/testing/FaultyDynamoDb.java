package io.atrium.shared.testing;

import io.atrium.shared.aws.AwsClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local behind the functions' real SDK client ({@link AwsClients}: same HTTP client, retries and
 * timeouts), with faults injected per DynamoDB operation at the HTTP layer: throttling and server errors as
 * DynamoDB answers them, a call that hangs until the SDK gives up, or one that reaches the table and loses its
 * answer. The SDK parses, retries and times out exactly as it does in AWS; nothing above it is replaced.
 */
public final class FaultyDynamoDb implements SdkHttpClient {

    /** What DynamoDB does to a request. */
    public enum Fault {
        THROTTLING(400, "com.amazon.coral.availability#ThrottlingException"),
        PROVISIONED_THROUGHPUT_EXCEEDED(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"),
        REQUEST_LIMIT_EXCEEDED(400, "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded"),
        INTERNAL_SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError"),
        SERVICE_UNAVAILABLE(503, "com.amazon.coral.availability#ServiceUnavailableException"),
        /** No answer until the SDK aborts the attempt. */
        HANG(0, null),
        /** The request is applied; its answer never arrives (connection reset). */
        APPLIED_THEN_LOST(0, null);

        final int status;
        final String type;

        Fault(int status, String type) {
            this.status = status;
            this.type = type;
        }
    }

    private record Plan(String table, Fault fault, AtomicInteger remaining) {
        boolean matches(String body) {
            return table == null || body.contains("\"TableName\":\"" + table + "\"");
        }
    }

    private final SdkHttpClient real = AwsClients.httpClient();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    public FaultyDynamoDb() {
        this.client = AwsClients.dynamoDb(TestTables.functionConfig(), this);
    }

    /** The functions' DynamoDB client, talking to the JVM's DynamoDB Local through this faulty HTTP layer. */
    public DynamoDbClient client() {
        return client;
    }

    /** The next {@code times} HTTP attempts of {@code operation} (e.g. {@code GetItem}) meet {@code fault}. */
    public FaultyDynamoDb inject(String operation, Fault fault, int times) {
        return inject(operation, null, fault, times);
    }

    /** As {@link #inject(String, Fault, int)}, only for requests naming {@code table} (null: any table). */
    public FaultyDynamoDb inject(String operation, String table, Fault fault, int times) {
        plans.put(operation, new Plan(table, fault, new AtomicInteger(times)));
        return this;
    }

    /** Every attempt of {@code operation} meets {@code fault} until {@link #heal()}. */
    public FaultyDynamoDb always(String operation, Fault fault) {
        return inject(operation, null, fault, Integer.MAX_VALUE);
    }

    /** Every attempt of {@code operation} on {@code table} meets {@code fault} until {@link #heal()}. */
    public FaultyDynamoDb always(String operation, String table, Fault fault) {
        return inject(operation, table, fault, Integer.MAX_VALUE);
    }

    /** No more faults. */
    public void heal() {
        plans.clear();
    }

    /** HTTP attempts of {@code operation} so far, faulty or not. */
    public int attempts(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Plan plan = plans.get(operation);
        if (plan == null || !plan.matches(body(request)) || plan.remaining().getAndDecrement() <= 0) {
            return real.prepareRequest(request);
        }
        return switch (plan.fault()) {
            case HANG -> new Hang();
            case APPLIED_THEN_LOST -> new AppliedThenLost(real.prepareRequest(request));
            default -> new Answer(plan.fault());
        };
    }

    private static String body(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }

    @Override
    public String clientName() {
        return "FaultyDynamoDb";
    }

    @Override
    public void close() {
        real.close();
    }

    /** DynamoDB's error answer: a JSON body whose {@code __type} names the error, as the SDK parses it. */
    private static final class Answer implements ExecutableHttpRequest {
        private final Fault fault;

        Answer(Fault fault) {
            this.fault = fault;
        }

        @Override
        public HttpExecuteResponse call() {
            byte[] body = ("{\"__type\":\"" + fault.type + "\",\"message\":\"injected " + fault.name() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            SdkHttpFullResponse head = SdkHttpFullResponse.builder().statusCode(fault.status)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", Integer.toString(body.length))
                    .putHeader("x-amzn-RequestId", "injected-" + fault.name())
                    .build();
            InputStream in = new ByteArrayInputStream(body);
            return HttpExecuteResponse.builder().response(head).responseBody(AbortableInputStream.create(in)).build();
        }

        @Override
        public void abort() {
        }
    }

    /** Waits for the SDK's attempt timeout to interrupt it (at most a minute, so a broken test cannot hang). */
    private static final class Hang implements ExecutableHttpRequest {
        private volatile Thread caller;

        @Override
        public HttpExecuteResponse call() throws IOException {
            caller = Thread.currentThread();
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
                throw new IOException("injected hang ended without an abort");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("injected hang aborted");
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

    /** Sends the request for real, reads DynamoDB's answer and drops it. */
    private static final class AppliedThenLost implements ExecutableHttpRequest {
        private final ExecutableHttpRequest real;

        AppliedThenLost(ExecutableHttpRequest real) {
            this.real = real;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            HttpExecuteResponse response = real.call();
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    in.readAllBytes();
                }
            }
            throw new IOException("injected: connection reset after the request was applied");
        }

        @Override
        public void abort() {
            real.abort();
        }
    }
}
