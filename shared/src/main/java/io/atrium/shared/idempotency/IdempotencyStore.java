package io.atrium.shared.idempotency;

import java.time.Instant;
import java.util.Map;

/** Records of requests made with an {@code Idempotency-Key}, per tenant and operation. */
public interface IdempotencyStore {

    /** What a new request with a key should do. */
    sealed interface Claim permits Claimed, Replay, InProgress, Mismatch {
    }

    /**
     * This request owns the key; from {@code lockExpiresAt} on another request could take it over. Run it, then
     * {@link #complete} or {@link #release}. {@code claimId} tells this claim from any later one on the same key.
     */
    record Claimed(String claimId, Instant lockExpiresAt) implements Claim {
    }

    /** A completed earlier request with the same body: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The first request is still running, or its claim is held until {@code lockExpiresAt} (when a repeat may take it over). */
    record InProgress(Instant lockExpiresAt) implements Claim {
    }

    /** The key was used with a different request. */
    record Mismatch() implements Claim {
    }

    /** The response kept for replays. */
    record StoredResponse(int status, Map<String, String> headers, String body) {
    }

    Claim claim(String tenantId, String operation, String key, String requestHash, Instant now);

    void complete(String tenantId, String operation, String key, StoredResponse response, Instant now);

    /** Forgets this in-progress claim (and never another one) after its request failed, so the client may retry. */
    void release(String tenantId, String operation, String key, String claimId);
}
