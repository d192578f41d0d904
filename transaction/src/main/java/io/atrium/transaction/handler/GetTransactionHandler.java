package io.atrium.transaction.handler;

import io.atrium.transaction.dto.TransactionResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.transaction.TransactionWiring;
import io.atrium.transaction.mapper.TransactionMapper;
import io.atrium.transaction.service.TransactionService;

/** {@code GET /transactions/{transactionId}}. */
public final class GetTransactionHandler extends ApiHandler {
    private final TransactionService service;

    public GetTransactionHandler() {
        this(TransactionWiring.service());
    }

    public GetTransactionHandler(TransactionService service) {
        super("transaction", "getTransaction", "transactions/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Transaction transaction = service.get(request.tenantId(), request.pathId("transactionId"));
        return ApiResponse.resource(200, TransactionMapper.toResponse(transaction), transaction.version());
    }

    @Override
    protected Class<?> responseType() {
        return TransactionResponse.class;
    }
}
