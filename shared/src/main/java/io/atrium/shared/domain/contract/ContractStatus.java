package io.atrium.shared.domain.contract;

import java.util.Set;

/**
 * A contract's life: DRAFT -> ACTIVE -> TERMINATED (by the client), ACTIVE -> EXPIRED (by the daily
 * schedule after the end date). Nothing leaves TERMINATED or EXPIRED.
 */
public enum ContractStatus {
    DRAFT,
    ACTIVE,
    TERMINATED,
    EXPIRED;

    public boolean canMoveTo(ContractStatus next) {
        return switch (this) {
            case DRAFT -> next == ACTIVE;
            case ACTIVE -> next == TERMINATED || next == EXPIRED;
            case TERMINATED, EXPIRED -> false;
        };
    }

    /** Whether a contract in this status counts in its partner's {@code activeContracts}. */
    public boolean countsAsActive() {
        return this == ACTIVE;
    }

    public static final Set<String> NAMES = Set.of("DRAFT", "ACTIVE", "TERMINATED", "EXPIRED");
}
