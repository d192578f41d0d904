package io.atrium.transaction.dto;

import java.util.List;

/** A tenant's month as {@code GET /statements/{month}} shows it: totals per currency, amounts as decimal strings. */
public record StatementResponse(String month, List<Totals> totals) {

    public record Totals(String currency, String charged, String refunded, String net, long count) {
    }
}
