package io.atrium.authz.token;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Set;

/**
 * The issuer's signing keys (its JWKS), through nimbus's {@link JWKSourceBuilder}: fetched on first use and
 * cached for {@link #CACHE_TIME_TO_LIVE}; a token with a key id the cache does not know refreshes the set,
 * at most twice per {@link #MIN_REFRESH_INTERVAL} (so a flood of made-up key ids cannot become a flood of
 * requests to the issuer); while the issuer is unreachable the last set it served keeps working for
 * {@link #OUTAGE_TOLERANCE}. No refresh runs in the background: a frozen Lambda container has no threads.
 */
public final class IssuerKeys {
    public static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(15);
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** As long as a Cognito access token lives: every token issued before an outage keeps working. */
    public static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(3);
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int READ_TIMEOUT_MS = 2000;
    private static final int MAX_BYTES = 64 * 1024;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private IssuerKeys() {
    }

    /** The JWKS at this URL: HTTPS, or plain HTTP only on loopback (the local runtime); no redirects. */
    public static JWKSource<SecurityContext> fromUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && LOOPBACK.contains(host))) {
            throw new IllegalStateException("JWKS_URL must be an https URL, got " + url);
        }
        try {
            return configured(JWKSourceBuilder.create(url.toURL(), new NoRedirects()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("JWKS_URL is not a URL: " + url, e);
        }
    }

    /** The same caching, rate limit and outage tolerance over any source of key sets (tests count fetches). */
    public static JWKSource<SecurityContext> from(JWKSetSource<SecurityContext> upstream) {
        return configured(JWKSourceBuilder.create(upstream));
    }

    private static JWKSource<SecurityContext> configured(JWKSourceBuilder<SecurityContext> builder) {
        return builder
                .cache(CACHE_TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
                .refreshAheadCache(false)
                .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .retrying(false)
                .build();
    }

    /**
     * A bounded fetch (1 s to connect, 2 s to read, 64 KiB) that refuses redirects instead of following them and
     * asks the issuer to close the connection after its answer.
     */
    private static final class NoRedirects extends DefaultResourceRetriever {
        NoRedirects() {
            super(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, MAX_BYTES);
        }

        @Override
        protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
            HttpURLConnection connection = super.openHTTPConnection(url);
            connection.setInstanceFollowRedirects(false);
            // a fetch every 15 minutes at most needs no kept connection, and one opened before a SnapStart snapshot
            // must not be reused by a restored copy (ADR 0016)
            connection.setRequestProperty("Connection", "close");
            return connection;
        }
    }
}
