package io.atrium.shared.aws;

import io.atrium.shared.config.Config;
import io.atrium.shared.snapstart.PrimingGuard;
import io.atrium.shared.trace.AwsCallSpans;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * SDK clients, built once per container with an explicit HTTP client, region, credentials provider
 * and a time budget well under the function's timeout: each call at most {@link #API_CALL_TIMEOUT}
 * (retries included), and never past the request's {@link CallBudget}.
 */
public final class AwsClients {

    /** Total time one SDK call may take, retries included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(4);
    /** Time one attempt may take. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Config config) {
        return dynamoDb(config, InProcessTransport.dynamoDb()
                .<SdkHttpClient>map(local -> new JdkHttpClient(local, READ_TIMEOUT))
                .orElseGet(AwsClients::httpClient));
    }

    /** The DynamoDB client on the given HTTP client (tests wrap {@link #httpClient()} to inject faults). */
    public static DynamoDbClient dynamoDb(Config config, SdkHttpClient http) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(config.get("AWS_REGION", "us-east-1")))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(new CallBudget(API_CALL_TIMEOUT, ATTEMPT_TIMEOUT))
                        .addExecutionInterceptor(new AwsCallSpans())
                        .addExecutionInterceptor(new PrimingGuard())
                        .addExecutionInterceptor(new LostAnswers())
                        .build());
        // Locally the runtime points functions at DynamoDB Local; in AWS this is unset.
        config.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The functions' HTTP client for AWS calls (ADR 0018). */
    public static SdkHttpClient httpClient() {
        return new UrlConnectionClient(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * The function's role credentials: from the environment where Lambda puts them, else from the
     * container endpoint, which is where SnapStart functions get them (a restored snapshot cannot have
     * its environment changed).
     */
    public static AwsCredentialsProvider credentials(Config config) {
        Optional<String> accessKey = config.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = config.optional("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            Optional<String> session = config.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), session.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return new RenewableCredentials(() -> ContainerCredentialsProvider.builder().build());
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
