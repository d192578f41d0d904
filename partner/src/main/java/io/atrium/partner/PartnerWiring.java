package io.atrium.partner;

import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.config.Config;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The partner functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class PartnerWiring {
    private static final Config CONFIG = Config.fromEnvironment();
    private static final DynamoDbClient DYNAMO_DB = AwsClients.dynamoDb(CONFIG);
    private static final PartnerService SERVICE = new PartnerService(
            new DynamoDbPartnerRepository(DYNAMO_DB, AwsClients.enhanced(DYNAMO_DB), CONFIG.require("PARTNER_TABLE")),
            new Paginator(new PageTokens(CONFIG.require("PAGINATION_KEY"))),
            Clock.systemUTC());

    private PartnerWiring() {
    }

    public static PartnerService service() {
        return SERVICE;
    }

    public static Idempotency idempotency() {
        return IdempotencyHolder.IDEMPOTENCY;
    }

    /** Only the functions that write need the idempotency table, so its setting is read on first use. */
    private static final class IdempotencyHolder {
        static final Idempotency IDEMPOTENCY = new Idempotency(
                new DynamoDbIdempotencyStore(DYNAMO_DB, CONFIG.require("IDEMPOTENCY_TABLE")), Clock.systemUTC());
    }
}
