package io.atrium.local;

import java.util.Map;

/**
 * Something more the local runtime serves beside the stacks' APIs, started after them (the OAuth2 token
 * endpoint and JWKS standing in for Cognito plug in here). What {@link #start} returns is added to
 * {@code .local/endpoints.json}, e.g. {@code tokenUrl}, {@code jwksUrl}, {@code adminClient}.
 */
public interface LocalService extends AutoCloseable {

    Map<String, Object> start(LocalRuntime runtime) throws Exception;

    @Override
    default void close() {
    }
}
