package io.atrium.transaction.service;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.TransactionType;

/** What a client decides about a new transaction. */
public record TransactionDetails(String contractId, TransactionType type, Money amount, String reference) {
}
