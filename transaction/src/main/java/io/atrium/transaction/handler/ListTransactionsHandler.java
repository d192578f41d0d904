package io.atrium.transaction.handler;

import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.Ids;
import io.atrium.shared.api.ListResponse;
import io.atrium.shared.paging.Listing;
import io.atrium.transaction.TransactionWiring;
import io.atrium.transaction.dto.TransactionResponse;
import io.atrium.transaction.mapper.TransactionMapper;
import io.atrium.transaction.service.TransactionService;

/** {@code GET /transactions?contractId=&limit=&nextToken=}: one contract's transactions, newest first. */
public final class ListTransactionsHandler extends ApiHandler {
    private final TransactionService service;

    public ListTransactionsHandler() {
        this(TransactionWiring.service());
    }

    public ListTransactionsHandler(TransactionService service) {
        super("transaction", "listTransactions", "transactions/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String contractId = Ids.require("contractId", request.query("contractId").orElse(null));
        Listing<TransactionResponse> page = service.listByContract(request.tenantId(), contractId, request.limit(), request.nextToken())
                .map(TransactionMapper::toResponse);
        return ApiResponse.json(200, new ListResponse<>(page.items(), page.nextToken().orElse(null)));
    }
}
