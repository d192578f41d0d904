package io.atrium.shared.testing;

import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.config.Config;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every table of {@code shared/template.yaml}, created on the test JVM's DynamoDB Local under a name prefix
 * of the test's own, so test classes never see each other's items.
 */
public final class TestTables {
    /** Seals pagination tokens (and owned ids) in tests; the deployed secret lives in Secrets Manager. */
    public static final String SECRET = "test-pagination-secret-0123456789";

    private final DynamoDbClient client;
    private final Map<String, String> names;

    private TestTables(DynamoDbClient client, Map<String, String> names) {
        this.client = client;
        this.names = names;
    }

    /** Creates the tables (once per prefix) and returns their physical names by logical id. */
    public static TestTables create(String prefix) {
        DynamoDbClient client = DynamoDbLocal.shared().client();
        return new TestTables(client, TableProvisioner.createTables(client, ProjectLayout.root().resolve("shared/template.yaml"), prefix));
    }

    /** What Lambda gives a function, pointed at this JVM's DynamoDB Local: for {@code AwsClients.dynamoDb(config)}. */
    public static Config functionConfig() {
        return new Config(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.shared().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
    }

    /**
     * The same tables through a client of their own whose calls {@code meter} counts (DynamoDB Local answers
     * {@code ReturnConsumedCapacity} as DynamoDB does).
     */
    public TestTables meteredBy(CapacityMeter meter) {
        DynamoDbClient metered = DynamoDbClient.builder()
                .endpointOverride(DynamoDbLocal.shared().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // as the shared client: no short read timeout, whose retry of a slow create would then conflict
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(meter))
                .build();
        return new TestTables(metered, names);
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbEnhancedClient enhanced() {
        return AwsClients.enhanced(client);
    }

    /** The physical name of a table by its logical id in the template, e.g. {@code PartnerTable}. */
    public String name(String logicalId) {
        String name = names.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException(logicalId + " is not a table of shared/template.yaml: " + names.keySet());
        }
        return name;
    }

    /** Idempotency on the IdempotencyTable, as every module wires it. */
    public Idempotency idempotency() {
        return new Idempotency(new DynamoDbIdempotencyStore(client, name("IdempotencyTable")), Clock.systemUTC());
    }

    /** A paginator sealing tokens with {@link #SECRET}. */
    public static Paginator paginator() {
        return new Paginator(new PageTokens(SECRET));
    }
}
