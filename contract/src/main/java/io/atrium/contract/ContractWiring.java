package io.atrium.contract;

import io.atrium.contract.service.ContractService;
import io.atrium.shared.Platform;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;

/** The contract functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class ContractWiring {
    private static final ContractService SERVICE = new ContractService(
            new DynamoDbContractRepository(Platform.dynamoDb(), Platform.table("CONTRACT_TABLE"), Platform.table("PARTNER_TABLE")),
            new DynamoDbPartnerRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("PARTNER_TABLE")),
            Platform.paginator(),
            OwnedIds.current(),
            Platform.clock());

    private ContractWiring() {
    }

    public static ContractService service() {
        return SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }
}
