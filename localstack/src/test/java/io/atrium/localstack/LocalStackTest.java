package io.atrium.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.atrium.local.ProjectLayout;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.events.SqsQueue;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The layer's code against LocalStack (ADR 0506): the tables of {@code shared/template.yaml} created in LocalStack's
 * DynamoDB, a partner written and read back by the partner repository, and a message sent by {@link SqsQueue} to a
 * LocalStack queue and received. The same code is tested without Docker against DynamoDB Local and ElasticMQ; this
 * suite only adds LocalStack's emulation of the AWS APIs. Opt-in ({@code mvn -Plocalstack verify}); without Docker
 * or {@code LOCALSTACK_AUTH_TOKEN} it fails and says why.
 */
@Tag("localstack")
class LocalStackTest {
    /** LocalStack's image, pinned (the tag Testcontainers 2.0 tests its module with; ADR 0506). */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.9.2");

    private static LocalStackContainer localStack;

    @BeforeAll
    static void start() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            fail("the LocalStack suite (-Plocalstack) needs a running Docker daemon, and none was found; start Docker,"
                    + " or build without -Plocalstack (README, LocalStack)");
        }
        if (token == null || token.isBlank()) {
            fail("the LocalStack suite (-Plocalstack) needs LOCALSTACK_AUTH_TOKEN (your LocalStack account's auth token)"
                    + " in the environment; build without -Plocalstack otherwise (README, LocalStack)");
        }
        localStack = new LocalStackContainer(IMAGE).withServices("dynamodb", "sqs")
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        localStack.start();
    }

    @AfterAll
    static void stop() {
        if (localStack != null) {
            localStack.stop();
        }
    }

    @Test
    void thePartnerRepositoryWritesAndReadsInTheTablesOfTheSharedTemplate() {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            Map<String, String> tables = TableProvisioner.createTables(dynamoDb,
                    ProjectLayout.root().resolve("shared/template.yaml"), "localstack-");
            DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb,
                    DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), tables.get("PartnerTable"));
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            partners.create(new Partner("ls-tenant", "p1", "Acme", "ops@acme.test", "DE", null, PartnerStatus.ACTIVE,
                    0, 1, now, now));

            assertEquals("Acme", partners.find("ls-tenant", "p1").orElseThrow().name());
            assertTrue(partners.find("other-tenant", "p1").isEmpty());
        }
    }

    @Test
    void theQueueClientSendsWhatTheQueueDelivers() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = sqs.createQueue(r -> r.queueName("atrium-localstack-test")).queueUrl();

            List<String> unsent = new SqsQueue(sqs, url, "localstack").send(List.of("{\"orderId\":\"o1\"}"), s -> s);

            assertEquals(List.of(), unsent);
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)).messages();
            assertEquals(List.of("{\"orderId\":\"o1\"}"), received.stream().map(Message::body).toList());
        }
    }

    private static URI endpoint() {
        return localStack.getEndpoint();
    }

    private static Region region() {
        return Region.of(localStack.getRegion());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(localStack.getAccessKey(),
                localStack.getSecretKey()));
    }
}
