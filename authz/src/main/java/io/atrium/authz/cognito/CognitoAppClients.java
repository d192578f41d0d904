package io.atrium.authz.cognito;

import io.atrium.authz.service.AppClients;
import io.atrium.shared.error.UnavailableException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** App clients of the Cognito user pool, through the Cognito IdP API (locally the runtime's stand-in). */
public final class CognitoAppClients implements AppClients {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoAppClients(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public IssuedClient create(String name, List<String> scopes) {
        try {
            CreateUserPoolClientResponse response = cognito.createUserPoolClient(r -> r
                    .userPoolId(userPoolId)
                    .clientName(name)
                    .generateSecret(true)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                    .allowedOAuthScopes(scopes)
                    .accessTokenValidity(60)
                    .tokenValidityUnits(t -> t.accessToken(TimeUnitsType.MINUTES))
                    .preventUserExistenceErrors("ENABLED")
                    .enableTokenRevocation(true));
            UserPoolClientType client = response.userPoolClient();
            return new IssuedClient(client.clientId(), client.clientSecret());
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            throw translate(e);
        }
    }

    @Override
    public void delete(String clientId) {
        try {
            cognito.deleteUserPoolClient(r -> r.userPoolId(userPoolId).clientId(clientId));
        } catch (ResourceNotFoundException e) {
            // already gone: the undo has nothing left to do
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException || e instanceof InternalErrorException
                || e instanceof SdkClientException) {
            return new UnavailableException("The identity provider is busy; retry shortly.", 2, e);
        }
        return e;
    }
}
