package io.atrium.contract;

import io.atrium.contract.service.ContractService;
import io.atrium.contract.service.ExpiryRun;
import io.atrium.shared.Platform;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.events.SqsQueue;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;

/** The contract functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class ContractWiring {
    private ContractWiring() {
    }

    public static ContractService service() {
        return ServiceHolder.SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }

    /** The expiry schedule's run, for its producer only: it alone needs EXPIRY_QUEUE_URL and the SQS client. */
    public static ExpiryRun expiryRun() {
        return ExpiryHolder.RUN;
    }

    private static DynamoDbContractRepository contracts() {
        return new DynamoDbContractRepository(Platform.dynamoDb(), Platform.table("CONTRACT_TABLE"), Platform.table("PARTNER_TABLE"));
    }

    private static final class ServiceHolder {
        static final ContractService SERVICE = new ContractService(
                contracts(),
                new DynamoDbPartnerRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("PARTNER_TABLE")),
                Platform.paginator(),
                Platform.ownedIds(),
                Platform.clock());
    }

    private static final class ExpiryHolder {
        static final ExpiryRun RUN = new ExpiryRun(
                contracts(),
                SqsQueue.fromSettings(Platform.config(), "EXPIRY_QUEUE_URL", "contract"),
                Platform.clock(),
                ExpiryRun.PAGE_SIZE);
    }
}
