package io.atrium.authz.token;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.function.Supplier;

/** Loads a JWKS document over HTTPS (HTTP only for a loopback issuer, i.e. the local runtime). */
public final class HttpJwksFetcher implements Supplier<JWKSet> {
    private static final int MAX_BYTES = 64 * 1024;

    private final URI url;

    public HttpJwksFetcher(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && loopback)) {
            throw new IllegalStateException("JWKS_URL must be an https URL, got " + url);
        }
        this.url = url;
    }

    @Override
    public JWKSet get() {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            try {
                if (connection.getResponseCode() != 200) {
                    throw new IllegalStateException("JWKS answered HTTP " + connection.getResponseCode());
                }
                try (InputStream in = connection.getInputStream()) {
                    byte[] body = in.readNBytes(MAX_BYTES + 1);
                    if (body.length > MAX_BYTES) {
                        throw new IllegalStateException("JWKS document is larger than 64 KiB");
                    }
                    return JWKSet.parse(new String(body, StandardCharsets.UTF_8));
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("JWKS could not be loaded from " + url, e);
        } catch (ParseException e) {
            throw new IllegalStateException("JWKS from " + url + " is not a JWK set", e);
        }
    }
}
