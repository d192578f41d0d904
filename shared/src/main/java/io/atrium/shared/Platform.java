package io.atrium.shared;

import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.aws.AwsClients;
import io.atrium.shared.config.Config;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.idempotency.DynamoDbIdempotencyStore;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.snapstart.PrimingRead;
import io.atrium.shared.snapstart.PrimingWrites;
import io.atrium.shared.snapstart.SnapStart;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every function's composition root needs, built once per container on first use (and so
 * captured by the SnapStart snapshot): settings, the DynamoDB clients, page tokens, idempotency.
 * Each piece is its own lazy holder, so a function that never pages never needs PAGINATION_KEY. Every table a
 * function names is read once before its SnapStart snapshot ({@link PrimingRead}, ADR 0016), and a function with
 * idempotency has its write calls primed ({@link PrimingWrites}).
 */
public final class Platform {
    private Platform() {
    }

    public static Config config() {
        return ConfigHolder.CONFIG;
    }

    /** The physical table name from a setting such as {@code PARTNER_TABLE}; fails init naming it. */
    public static String table(String setting) {
        String table = config().require(setting);
        SnapStart.prime("table:" + table, () -> new PrimingRead(dynamoDb(), table).run());
        return table;
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbHolder.CLIENT;
    }

    public static DynamoDbEnhancedClient enhanced() {
        return DynamoDbHolder.ENHANCED;
    }

    public static Paginator paginator() {
        return PaginatorHolder.PAGINATOR;
    }

    public static Idempotency idempotency() {
        return IdempotencyHolder.IDEMPOTENCY;
    }

    /** Mints the ids of new resources, sealing their tenant with a key from {@code PAGINATION_KEY} (plain ids without it). */
    public static OwnedIds ownedIds() {
        return OwnedIdsHolder.OWNED_IDS;
    }

    public static Clock clock() {
        return Clock.systemUTC();
    }

    private static final class ConfigHolder {
        static final Config CONFIG = Config.fromEnvironment();
    }

    private static final class DynamoDbHolder {
        static final DynamoDbClient CLIENT = AwsClients.dynamoDb(config());
        static final DynamoDbEnhancedClient ENHANCED = AwsClients.enhanced(CLIENT);
    }

    private static final class PaginatorHolder {
        static final Paginator PAGINATOR = new Paginator(new PageTokens(config().require("PAGINATION_KEY")));
    }

    private static final class OwnedIdsHolder {
        static final OwnedIds OWNED_IDS = new OwnedIds(config().optional("PAGINATION_KEY").orElse(null));

        static {
            // one id minted before the snapshot (random bytes, the sealing cipher): nothing is stored
            SnapStart.prime("ids", () -> OWNED_IDS.newId("snapstart", OwnedIds.newTenantId()));
        }
    }

    private static final class IdempotencyHolder {
        static final Idempotency IDEMPOTENCY = new Idempotency(
                new DynamoDbIdempotencyStore(dynamoDb(), table("IDEMPOTENCY_TABLE")), clock());

        static {
            // a function with idempotency writes: its write calls are primed too, refused by their condition
            SnapStart.prime("writes", new PrimingWrites(dynamoDb(), table("IDEMPOTENCY_TABLE")));
        }
    }
}
