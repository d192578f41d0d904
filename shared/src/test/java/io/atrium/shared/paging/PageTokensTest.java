package io.atrium.shared.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.error.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private final PageTokens tokens = new PageTokens("a-secret-of-sufficient-length");
    private final Map<String, String> key = Map.of("pk", "TENANT#t1#PARTNER#p1", "gsi1pk", "TENANT#t1#PARTNERS", "gsi1sk", "2026#p1");

    @Test
    void opensWhatItSealedForTheSameTenantAndQuery() {
        String token = tokens.seal("t1", "partners?status=", key).orElseThrow();
        assertEquals(key, tokens.open("t1", "partners?status=", token));
        assertTrue(tokens.seal("t1", "q", Map.of()).isEmpty());
    }

    @Test
    void refusesTamperedForeignAndReplayedTokens() {
        String token = tokens.seal("t1", "partners?status=", key).orElseThrow();
        char[] chars = token.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        assertThrows(ValidationException.class, () -> tokens.open("t1", "partners?status=", tampered));
        assertThrows(ValidationException.class, () -> tokens.open("t2", "partners?status=", token));
        assertThrows(ValidationException.class, () -> tokens.open("t1", "partners?status=ACTIVE", token));
        assertThrows(ValidationException.class, () -> new PageTokens("another-secret-of-length").open("t1", "partners?status=", token));
        assertThrows(ValidationException.class, () -> tokens.open("t1", "partners?status=", "not base64 !"));
        assertThrows(ValidationException.class, () -> tokens.open("t1", "partners?status=", "AAAA"));
    }
}
