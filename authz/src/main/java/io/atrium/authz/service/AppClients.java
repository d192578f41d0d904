package io.atrium.authz.service;

import java.util.List;

/** The identity provider's OAuth2 app clients (Cognito in AWS, the local runtime's stand-in locally). */
public interface AppClients {

    /** A client id with its secret, which the identity provider shows only at creation. */
    record IssuedClient(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "IssuedClient[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** Creates a confidential client for the client-credentials grant, allowed exactly {@code scopes}. */
    IssuedClient create(String name, List<String> scopes);

    /** Deletes a client (undo of a failed onboarding); a client that is already gone is fine. */
    void delete(String clientId);
}
