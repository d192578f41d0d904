package io.atrium.shared.idempotency;

import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.Problems;
import io.atrium.shared.idempotency.IdempotencyStore.StoredResponse;

import io.atrium.shared.aws.CallBudget;
import io.atrium.shared.error.IdempotencyInProgressException;
import io.atrium.shared.error.IdempotencyMismatchException;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.log.JsonLog;
import io.atrium.shared.snapstart.PrimingGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a POST at most once per {@code Idempotency-Key}: a repeat with the same body gets the first
 * answer again (status, headers, body), a repeat with another body is 422, a repeat while the first
 * still runs is 409 (with {@code Retry-After}: when its lock runs out). Answers of 5xx are not kept,
 * so the client can retry them (ADR 0004).
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final JsonLog LOG = new JsonLog("idempotency");

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse run(ApiRequest request, String operation, boolean keyRequired, Supplier<ApiResponse> action) {
        String key = request.idempotencyKey().orElse(null);
        if (key == null) {
            // while priming every write is refused (PrimingGuard): nothing can happen twice, so no key is needed
            if (keyRequired && !PrimingGuard.active()) {
                throw ValidationException.of("Idempotency-Key", "header is required for this request");
            }
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ValidationException.of("Idempotency-Key", "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
        }
        Record record = new Record(request.tenantId(), operation, key);
        IdempotencyStore.Claim claim = store.claim(record.tenantId(), operation, key, hash(request.fingerprintSource()), clock.instant());
        if (claim instanceof IdempotencyStore.Replay replay) {
            StoredResponse stored = replay.response();
            return new ApiResponse(stored.status(), new LinkedHashMap<>(stored.headers()), stored.body());
        }
        if (claim instanceof IdempotencyStore.InProgress inProgress) {
            throw new IdempotencyInProgressException("A request with this Idempotency-Key is still being processed.",
                    secondsUntil(inProgress.lockExpiresAt()));
        }
        if (claim instanceof IdempotencyStore.Mismatch) {
            throw new IdempotencyMismatchException("This Idempotency-Key was already used with a different request.");
        }
        return runClaimed(request, record, (IdempotencyStore.Claimed) claim, action);
    }

    /**
     * Runs the claimed request and settles its record, each settling call with a budget of its own
     * ({@link CallBudget#settle}): a kept answer is stored; a 5xx releases the
     * claim so the retry runs; a release that fails too tells the client to come back when the lock has run out.
     */
    private ApiResponse runClaimed(ApiRequest request, Record record, IdempotencyStore.Claimed claim, Supplier<ApiResponse> action) {
        ApiResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            response = Problems.toResponse(e, request.requestId());
            if (response.status() >= 500) {
                release(record, claim, e);
                throw e;
            }
        }
        if (response.status() >= 500) {
            release(record, claim, null);
            return response;
        }
        StoredResponse stored = new StoredResponse(response.status(), new LinkedHashMap<>(response.headers()), response.body());
        try {
            CallBudget.settle(() -> store.complete(record.tenantId(), record.operation(), record.key(), stored, clock.instant()));
        } catch (RuntimeException e) {
            // the action took effect: its answer is the truth; a repeat waits for the lock, then runs again (ADR 0004)
            LOG.error(Map.<String, Object>of("requestId", request.requestId(), "operation", record.operation(),
                    "error", "idempotency record not completed: " + e.getClass().getName()));
        }
        return response;
    }

    private void release(Record record, IdempotencyStore.Claimed claim, RuntimeException failure) {
        try {
            CallBudget.settle(() -> store.release(record.tenantId(), record.operation(), record.key(), claim.claimId()));
        } catch (RuntimeException e) {
            UnavailableException wait = new UnavailableException("The request failed and its Idempotency-Key stays "
                    + "reserved for a short while; retry after the time in Retry-After.", secondsUntil(claim.lockExpiresAt()), failure);
            wait.addSuppressed(e);
            throw wait;
        }
    }

    /** Whole seconds from now until {@code moment}, rounded up, at least 1 (a {@code Retry-After} value). */
    private int secondsUntil(Instant moment) {
        long millis = Duration.between(clock.instant(), moment).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    private record Record(String tenantId, String operation, String key) {
    }

    static String hash(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
