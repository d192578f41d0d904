package io.atrium.shared.api;

import io.atrium.shared.error.IdempotencyInProgressException;
import io.atrium.shared.error.IdempotencyMismatchException;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.idempotency.IdempotencyStore;
import io.atrium.shared.idempotency.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a POST at most once per {@code Idempotency-Key}: a repeat with the same body gets the first
 * answer again (status, headers, body), a repeat with another body is 422, a repeat while the first
 * still runs is 409. Answers of 5xx are not kept, so the client can retry them.
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse run(ApiRequest request, String operation, boolean keyRequired, Supplier<ApiResponse> action) {
        String key = request.idempotencyKey().orElse(null);
        if (key == null) {
            if (keyRequired) {
                throw ValidationException.of("Idempotency-Key", "header is required for this request");
            }
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ValidationException.of("Idempotency-Key", "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
        }
        String tenantId = request.tenantId();
        IdempotencyStore.Claim claim = store.claim(tenantId, operation, key, hash(request.fingerprintSource()), clock.instant());
        if (claim instanceof IdempotencyStore.Replay replay) {
            StoredResponse stored = replay.response();
            return new ApiResponse(stored.status(), new LinkedHashMap<>(stored.headers()), stored.body());
        }
        if (claim instanceof IdempotencyStore.InProgress) {
            throw new IdempotencyInProgressException("A request with this Idempotency-Key is still being processed.");
        }
        if (claim instanceof IdempotencyStore.Mismatch) {
            throw new IdempotencyMismatchException("This Idempotency-Key was already used with a different request.");
        }
        ApiResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            response = Problems.toResponse(e, request.requestId());
            if (response.status() >= 500) {
                store.release(tenantId, operation, key);
                throw e;
            }
        }
        if (response.status() >= 500) {
            store.release(tenantId, operation, key);
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        store.complete(tenantId, operation, key, new StoredResponse(response.status(), headers, response.body()), clock.instant());
        return response;
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
