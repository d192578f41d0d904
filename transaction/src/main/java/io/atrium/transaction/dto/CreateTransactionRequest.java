package io.atrium.transaction.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.TransactionType;

/** Body of {@code POST /transactions}: the only fields a client may set. */
public record CreateTransactionRequest(String contractId, String type, Money amount, String reference) implements Validatable {
    @Override
    public void validate(Violations violations) {
        violations.id("contractId", contractId);
        violations.oneOf("type", type, TransactionType.NAMES);
        violations.money("amount", amount, true);
        violations.text("reference", reference, 1, 200);
    }
}
