package io.atrium.contract.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.atrium.contract.ContractWiring;
import io.atrium.contract.dto.ExpiryRunRequest;
import io.atrium.contract.dto.ExpiryRunResponse;
import io.atrium.contract.service.ExpiryRun;
import io.atrium.shared.json.Json;
import io.atrium.shared.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The expiry schedule's target (daily cron, ADR 0302): queues every contract due today, or on the day of the
 * input {@code {"asOf": "YYYY-MM-DD"}}. Input is read strictly (an unknown field or a malformed date fails the
 * invocation with a message saying so), since a typo must not silently run for today.
 */
public final class QueueDueContractsHandler implements RequestStreamHandler {
    private final ExpiryRun run;
    private final JsonLog log = new JsonLog("contract");

    public QueueDueContractsHandler() {
        this(ContractWiring.expiryRun());
    }

    public QueueDueContractsHandler(ExpiryRun run) {
        this.run = run;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString());
        line.put("operation", "queueDueContracts");
        try {
            ExpiryRun.Result result = run.run(asOf(input.readAllBytes()));
            line.put("asOf", result.asOf().toString());
            line.put("queued", result.queued());
            line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            log.info(line);
            Json.MAPPER.writeValue(output, new ExpiryRunResponse(result.asOf().toString(), result.queued()));
        } catch (RuntimeException e) {
            line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            line.put("error", e.getClass().getName() + ": " + e.getMessage());
            log.error(line);
            throw e;
        }
    }

    private static Optional<LocalDate> asOf(byte[] input) {
        ExpiryRunRequest request;
        try {
            request = input.length == 0 ? null : Json.MAPPER.readValue(input, ExpiryRunRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the input must be {} or {\"asOf\": \"YYYY-MM-DD\"}");
        }
        if (request == null || request.asOf() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(request.asOf()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be a date written YYYY-MM-DD, not " + request.asOf());
        }
    }
}
