package io.atrium.shared.aws;

import io.atrium.shared.config.Config;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * SDK clients, built once per container with an explicit HTTP client, region, credentials provider
 * and a time budget well under API Gateway's 29 s integration limit.
 */
public final class AwsClients {

    /** Total time one SDK call may take, retries included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(4);
    /** Time one attempt may take. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Config config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(2))
                        .build())
                .region(Region.of(config.get("AWS_REGION", "us-east-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
        // Locally the runtime points functions at DynamoDB Local; in AWS this is unset.
        config.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
