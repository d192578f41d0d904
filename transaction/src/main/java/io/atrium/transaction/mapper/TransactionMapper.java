package io.atrium.transaction.mapper;

import io.atrium.shared.api.MoneyBody;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.transaction.dto.CreateTransactionRequest;
import io.atrium.transaction.dto.TransactionResponse;
import io.atrium.transaction.service.TransactionDetails;

/** dto <-> domain for transactions. */
public final class TransactionMapper {
    private TransactionMapper() {
    }

    public static TransactionDetails toDetails(CreateTransactionRequest request) {
        return new TransactionDetails(request.contractId(), TransactionType.valueOf(request.type()),
                request.amount(), request.reference().strip());
    }

    public static TransactionResponse toResponse(Transaction transaction) {
        return new TransactionResponse(transaction.id(), transaction.contractId(), transaction.type().name(),
                MoneyBody.of(transaction.amount()), transaction.reference(), transaction.version(), transaction.createdAt().toString());
    }
}
