package io.atrium.shared.idempotency;

import java.time.Instant;
import java.util.Map;

/** Records of requests made with an {@code Idempotency-Key}, per tenant and operation. */
public interface IdempotencyStore {

    /** What a new request with a key should do. */
    sealed interface Claim permits Claimed, Replay, InProgress, Mismatch {
    }

    /** This request owns the key: run it, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** A completed earlier request with the same body: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The first request is still running. */
    record InProgress() implements Claim {
    }

    /** The key was used with a different request. */
    record Mismatch() implements Claim {
    }

    /** The response kept for replays. */
    record StoredResponse(int status, Map<String, String> headers, String body) {
    }

    Claim claim(String tenantId, String operation, String key, String requestHash, Instant now);

    void complete(String tenantId, String operation, String key, StoredResponse response, Instant now);

    /** Forgets an in-progress claim whose request failed, so the client may retry. */
    void release(String tenantId, String operation, String key);
}
