package io.atrium.transaction.handler;

import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.error.ValidationException;
import io.atrium.transaction.TransactionWiring;
import io.atrium.transaction.mapper.StatementMapper;
import io.atrium.transaction.service.StatementLedger;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** {@code GET /statements/{month}}: the caller's totals of one UTC month, per currency. */
public final class GetStatementHandler extends ApiHandler {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private final StatementLedger ledger;

    public GetStatementHandler() {
        this(TransactionWiring.statements());
    }

    public GetStatementHandler(StatementLedger ledger) {
        super("transaction", "getStatement", "transactions/read");
        this.ledger = ledger;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        YearMonth month = month(request.pathParameter("month"));
        return ApiResponse.json(200, StatementMapper.toResponse(month, ledger.statement(request.tenantId(), month)));
    }

    private static YearMonth month(String raw) {
        if (raw == null || !MONTH.matcher(raw).matches()) {
            throw ValidationException.of("month", "must be a month written YYYY-MM, e.g. 2026-11");
        }
        return YearMonth.parse(raw);
    }
}
