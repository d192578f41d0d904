package io.atrium.catalog.dto;

import io.atrium.shared.api.MoneyBody;

/** A product as the API shows it; no storage keys, no tenant internals. */
public record ProductResponse(
        String id,
        String sku,
        String name,
        MoneyBody price,
        long stock,
        long version,
        String createdAt,
        String updatedAt) {
}
