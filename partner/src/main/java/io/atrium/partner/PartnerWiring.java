package io.atrium.partner;

import io.atrium.partner.service.PartnerService;
import io.atrium.shared.Platform;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;

/** The partner functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class PartnerWiring {
    private static final PartnerService SERVICE = new PartnerService(
            new DynamoDbPartnerRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("PARTNER_TABLE")),
            Platform.paginator(),
            Platform.ownedIds(),
            Platform.clock());

    private PartnerWiring() {
    }

    public static PartnerService service() {
        return SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }
}
