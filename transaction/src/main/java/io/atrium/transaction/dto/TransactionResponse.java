package io.atrium.transaction.dto;

import io.atrium.shared.api.MoneyBody;

/** A transaction as the API shows it; no storage keys, no tenant internals. */
public record TransactionResponse(
        String id,
        String contractId,
        String type,
        MoneyBody amount,
        String reference,
        long version,
        String createdAt) {
}
