package io.atrium.transaction.dto;

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
