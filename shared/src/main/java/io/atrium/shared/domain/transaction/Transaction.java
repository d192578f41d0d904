package io.atrium.shared.domain.transaction;

import io.atrium.shared.domain.AmountOutOfRangeException;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.error.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A money movement on one contract; never changed once stored (so its version is always 1). */
public record Transaction(
        String tenantId,
        String id,
        String contractId,
        TransactionType type,
        Money amount,
        String reference,
        Instant createdAt) {

    public static final long VERSION = 1;

    /** What this transaction does to the contract's balance: +amount for a charge, -amount for a refund. */
    public BigDecimal balanceChange() {
        return type == TransactionType.CHARGE ? amount.amount() : amount.amount().negate();
    }

    public long version() {
        return VERSION;
    }

    /**
     * Why {@code contract} cannot take this transaction, if it cannot: it must be ACTIVE, in the same
     * currency, a refund may not take its balance below zero and a charge not past 15 integer digits. The service checks this before writing;
     * the repository's write enforces the same conditions atomically and uses this to explain a refusal.
     */
    public Optional<ConflictException> refusalBy(Contract contract) {
        if (contract.status() != ContractStatus.ACTIVE) {
            return Optional.of(new ConflictException("The contract is " + contract.status()
                    + "; only an ACTIVE contract takes transactions."));
        }
        if (!contract.currency().equals(amount.currency())) {
            return Optional.of(new ConflictException("The contract is in " + contract.currency()
                    + "; a transaction in " + amount.currency() + " cannot be applied to it."));
        }
        BigDecimal balance = contract.balance().amount().add(balanceChange());
        if (balance.signum() < 0) {
            return Optional.of(new ConflictException("The refund is larger than the contract's balance; a balance may not go below zero."));
        }
        if (!Money.inRange(balance)) {
            return Optional.of(new AmountOutOfRangeException("The charge would take the contract's balance past "
                    + Money.MAX_INTEGER_DIGITS + " digits before the decimal point; nothing was written."));
        }
        return Optional.empty();
    }
}
