package io.atrium.shared.domain.transaction;

import java.util.Set;

/** A CHARGE adds its amount to the contract's balance; a REFUND takes it off and may not take it below zero. */
public enum TransactionType {
    CHARGE,
    REFUND;

    public static final Set<String> NAMES = Set.of("CHARGE", "REFUND");
}
