package io.atrium.transaction.handler;

import io.atrium.transaction.dto.TransactionResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.transaction.TransactionWiring;
import io.atrium.transaction.dto.CreateTransactionRequest;
import io.atrium.transaction.mapper.TransactionMapper;
import io.atrium.transaction.service.TransactionService;

/**
 * {@code POST /transactions} with a required Idempotency-Key: 201 with the stored transaction. A repeat with
 * the same key and body answers the first answer again and moves no money twice.
 */
public final class CreateTransactionHandler extends ApiHandler {
    private final TransactionService service;
    private final Idempotency idempotency;

    public CreateTransactionHandler() {
        this(TransactionWiring.service(), TransactionWiring.idempotency());
        TransactionWiring.primeRecording();
    }

    public CreateTransactionHandler(TransactionService service, Idempotency idempotency) {
        super("transaction", "createTransaction", "transactions/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return idempotency.run(request, "createTransaction", true, () -> {
            CreateTransactionRequest body = request.body(CreateTransactionRequest.class);
            Transaction transaction = service.record(request.tenantId(), TransactionMapper.toDetails(body));
            if (transaction.type() == TransactionType.CHARGE) {
                metrics().count("AmountCharged", transaction.amount().amount(), "Currency", transaction.amount().currency());
            }
            return ApiResponse.resource(201, TransactionMapper.toResponse(transaction), transaction.version())
                    .withHeader("Location", "/v1/transactions/" + transaction.id());
        });
    }

    /** A valid body whose ids name nothing: read, validated and served up to DynamoDB (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"contractId\":\"" + PRIMING_ID + "\",\"type\":\"CHARGE\",\"amount\":{\"amount\":\"250.00\",\"currency\":\"EUR\"},\"reference\":\"INV-2026-0001\"}";
    }

    @Override
    protected Class<?> responseType() {
        return TransactionResponse.class;
    }
}
