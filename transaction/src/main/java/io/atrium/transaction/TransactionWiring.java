package io.atrium.transaction;

import io.atrium.shared.Platform;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.repository.dynamodb.DynamoDbContractRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbStatementRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbTransactionRepository;
import io.atrium.shared.snapstart.SnapStart;
import io.atrium.transaction.service.StatementLedger;
import io.atrium.transaction.service.StatementService;
import io.atrium.transaction.service.TransactionService;

/** The transaction functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class TransactionWiring {
    private TransactionWiring() {
    }

    public static TransactionService service() {
        return ServiceHolder.SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }

    /** For the statements stream consumer and GET /statements; only they need STATEMENT_TABLE. */
    public static StatementLedger statements() {
        return StatementsHolder.STATEMENTS;
    }

    /**
     * For the function that records transactions (POST /transactions; its policy allows the writes): the recording
     * path, which a priming request cannot reach, is primed before the SnapStart snapshot with writes refused (ADR 0016).
     */
    public static void primeRecording() {
        SnapStart.prime("recordTransaction", ServiceHolder.TRANSACTIONS::primeRecord);
    }

    private static final class ServiceHolder {
        static final DynamoDbTransactionRepository TRANSACTIONS = new DynamoDbTransactionRepository(Platform.dynamoDb(),
                Platform.table("TRANSACTION_TABLE"), Platform.table("CONTRACT_TABLE"));
        static final TransactionService SERVICE = new TransactionService(
                TRANSACTIONS,
                DynamoDbContractRepository.reader(Platform.dynamoDb(), Platform.table("CONTRACT_TABLE")),
                Platform.paginator(),
                Platform.ownedIds(),
                Platform.clock());
    }

    private static final class StatementsHolder {
        static final StatementLedger STATEMENTS = new StatementService(
                new DynamoDbStatementRepository(Platform.dynamoDb(), Platform.table("STATEMENT_TABLE")));
    }
}
