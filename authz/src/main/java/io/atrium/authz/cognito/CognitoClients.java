package io.atrium.authz.cognito;

import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.aws.CallBudget;
import io.atrium.shared.aws.UrlConnectionClient;
import io.atrium.shared.config.Config;
import io.atrium.shared.trace.AwsCallSpans;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/** The Cognito IdP client, built once per container like every SDK client (see {@link AwsClients}). */
public final class CognitoClients {
    private CognitoClients() {
    }

    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    public static CognitoIdentityProviderClient cognito(Config config) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .httpClient(new UrlConnectionClient(Duration.ofSeconds(1), Duration.ofSeconds(3)))
                .region(Region.of(config.get("AWS_REGION", "us-east-1")))
                .credentialsProvider(AwsClients.credentials(config))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        // onboarding calls Cognito inside the request's budget, like every DynamoDB call (ADR 0008)
                        .addExecutionInterceptor(new CallBudget(API_CALL_TIMEOUT, ATTEMPT_TIMEOUT))
                        .addExecutionInterceptor(new AwsCallSpans())
                        .build());
        // Locally the runtime's Cognito stand-in listens here; in AWS this is unset.
        config.optional("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
