package io.atrium.shared.domain.contract;

import java.time.LocalDate;

/** An ACTIVE contract whose end date has passed, as the expiry job finds it (any tenant). */
public record EndedContract(String tenantId, String contractId, LocalDate endDate) {
}
