package io.atrium.contract.dto;

import io.atrium.shared.api.MoneyBody;

/** A contract as the API shows it; no storage keys, no tenant internals. */
public record ContractResponse(
        String id,
        String partnerId,
        String title,
        String startDate,
        String endDate,
        MoneyBody value,
        MoneyBody balance,
        String status,
        long version,
        String createdAt,
        String updatedAt) {
}
