package io.atrium.authz.token;

/**
 * Why a bearer token was refused. The reason goes to the authorizer's log, never to the client, who
 * sees the same 401 for every reason. No stack trace: refusals are expected and frequent.
 */
public final class TokenRejectedException extends Exception {
    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
