package io.atrium.shared.domain.tenant;

import io.atrium.shared.api.Ids;
import io.atrium.shared.snapstart.Randomness;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resource ids that carry their owning tenant, sealed (ADR 0202). A tenant-scoped key makes another
 * tenant's resource simply absent, so the 404 alone cannot say whose it was; the sealed owner lets the
 * layer log a cross-tenant attempt with both tenant ids without an extra read or a global index.
 * <p>
 * An owned id is {@code {prefix}_{base64url(nonce 12 || AES-GCM(tenant id bits 16) || tag 12)}}: 54
 * characters after the prefix, opaque to clients (they cannot read, forge or move it to another tenant).
 * The key is derived from {@code PAGINATION_KEY}; without it (unit tests) ids are plain random ids.
 */
public final class OwnedIds {
    private static final String TENANT_PREFIX = "ten_";
    private static final int NONCE = 12;
    private static final int TENANT_BITS = 16;
    private static final int TAG = 12;
    private static final int SEALED = NONCE + TENANT_BITS + TAG;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param secret the platform secret the key is derived from, or null for plain ids */
    public OwnedIds(String secret) {
        this.key = secret == null || secret.isBlank() ? null : derive(secret);
    }

    /** A new tenant id: {@code ten_} and 128 random bits, the form an owned id can seal. */
    public static String newTenantId() {
        return Ids.newId("ten");
    }

    /** A new id for a resource of {@code tenantId}; a plain random id when there is no key. */
    public String newId(String prefix, String tenantId) {
        byte[] tenantBits = tenantBits(tenantId);
        if (key == null || tenantBits == null || prefix.indexOf('_') >= 0) {
            return Ids.newId(prefix);
        }
        try {
            byte[] out = new byte[SEALED];
            byte[] nonce = new byte[NONCE];
            Randomness.current().nextBytes(nonce); // renewed after every SnapStart restore: no nonce is drawn twice
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(tenantBits);
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return prefix + "_" + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("id could not be sealed", e);
        }
    }

    /** The tenant that created the resource with this id, when the id is an owned id sealed by this key. */
    public Optional<String> ownerOf(String id) {
        if (key == null || id == null || id.length() > 128) {
            return Optional.empty();
        }
        int sep = id.indexOf('_');
        if (sep <= 0) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(id.substring(sep + 1));
            if (raw.length != SEALED) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, raw, 0, NONCE));
            cipher.updateAAD(id.substring(0, sep).getBytes(StandardCharsets.UTF_8));
            byte[] tenantBits = cipher.doFinal(raw, NONCE, raw.length - NONCE);
            return Optional.of(TENANT_PREFIX + ENCODER.encodeToString(tenantBits));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] tenantBits(String tenantId) {
        if (tenantId == null || !tenantId.startsWith(TENANT_PREFIX) || tenantId.length() != TENANT_PREFIX.length() + 22) {
            return null;
        }
        try {
            byte[] bits = Base64.getUrlDecoder().decode(tenantId.substring(TENANT_PREFIX.length()));
            return bits.length == TENANT_BITS && ENCODER.encodeToString(bits).equals(tenantId.substring(TENANT_PREFIX.length()))
                    ? bits : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SecretKeySpec derive(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // a label keeps this key apart from the page-token key derived from the same secret
            digest.update("atrium:owned-ids:v1\n".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest.digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
