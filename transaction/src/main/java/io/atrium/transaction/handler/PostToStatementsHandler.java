package io.atrium.transaction.handler;

import io.atrium.shared.events.StreamEvent.StreamRecord;
import io.atrium.shared.events.StreamWorker;
import io.atrium.shared.repository.dynamodb.TransactionItem;
import io.atrium.transaction.TransactionWiring;
import io.atrium.transaction.service.StatementLedger;
import java.util.List;

/**
 * The TransactionTable stream's consumer: posts each new transaction to its tenant's monthly statement
 * (ADR 0301). Posting is idempotent per transaction id, so a redelivered or replayed record changes nothing.
 */
public final class PostToStatementsHandler extends StreamWorker {
    private final StatementLedger ledger;

    public PostToStatementsHandler() {
        this(TransactionWiring.statements());
    }

    public PostToStatementsHandler(StatementLedger ledger) {
        super("transaction", "postToStatements");
        this.ledger = ledger;
    }

    @Override
    protected void handleAll(List<StreamRecord> records, Outcomes<StreamRecord> outcomes) {
        outcomes.each(records, this::post);
    }

    private String post(StreamRecord record) {
        if (!record.isInsert()) {
            // Transactions are never changed or deleted by the API; only new ones count.
            return "ignored" + record.eventName();
        }
        return ledger.post(TransactionItem.fromImage(record.newImage())) ? "posted" : "alreadyPosted";
    }
}
