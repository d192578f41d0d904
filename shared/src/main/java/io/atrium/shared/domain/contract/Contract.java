package io.atrium.shared.domain.contract;

import io.atrium.shared.domain.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract between a tenant and one of its partners. {@code balance} is in the currency of
 * {@code value}, starts at zero and changes only together with a stored transaction.
 */
public record Contract(
        String tenantId,
        String id,
        String partnerId,
        String title,
        LocalDate startDate,
        LocalDate endDate,
        Money value,
        Money balance,
        ContractStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public String currency() {
        return value.currency();
    }

    /** The same contract in {@code next} status, one version on. */
    public Contract movedTo(ContractStatus next, Instant now) {
        return new Contract(tenantId, id, partnerId, title, startDate, endDate, value, balance, next, version + 1, createdAt, now);
    }
}
