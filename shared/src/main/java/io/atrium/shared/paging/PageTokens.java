package io.atrium.shared.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.json.Json;
import io.atrium.shared.snapstart.Randomness;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealed {@code nextToken}s: the last evaluated key encrypted and authenticated with AES-GCM, bound
 * to the tenant and the query it came from. A token that was altered, or is replayed by another
 * tenant or on another query, fails to open and is a 400.
 */
public final class PageTokens {
    private static final int NONCE_BYTES = 12;
    private static final TypeReference<Map<String, String>> KEY_TYPE = new TypeReference<>() {
    };

    private final SecretKeySpec key;

    public PageTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("PAGINATION_KEY must be at least 16 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seals the key where the next page starts; empty when there is no next page. */
    public Optional<String> seal(String tenantId, String query, Map<String, String> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            Randomness.current().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(binding(tenantId, query));
            byte[] sealed = cipher.doFinal(Json.MAPPER.writeValueAsBytes(lastKey));
            byte[] token = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, token, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, token, NONCE_BYTES, sealed.length);
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("page token could not be sealed", e);
        }
    }

    /** Opens a client's token for this tenant and query, or throws a 400. */
    public Map<String, String> open(String tenantId, String query, String token) {
        try {
            if (token.length() > 2048) {
                throw new IllegalArgumentException("too long");
            }
            byte[] raw = Base64.getUrlDecoder().decode(token);
            if (raw.length <= NONCE_BYTES + 16) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, NONCE_BYTES));
            cipher.updateAAD(binding(tenantId, query));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            Map<String, String> lastKey = Json.MAPPER.readValue(plain, KEY_TYPE);
            String prefix = "TENANT#" + tenantId + "#";
            for (Map.Entry<String, String> entry : lastKey.entrySet()) {
                if (entry.getKey().endsWith("pk") && !entry.getValue().startsWith(prefix)) {
                    throw new IllegalArgumentException("foreign key");
                }
            }
            return lastKey;
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw ValidationException.of("nextToken", "is not a token this query issued");
        }
    }

    private static byte[] binding(String tenantId, String query) {
        return (tenantId + "\n" + query).getBytes(StandardCharsets.UTF_8);
    }
}
