package io.atrium.catalog.dto;

/** A product as the API shows it; no storage keys, no tenant internals. */
public record ProductResponse(
        String id,
        String sku,
        String name,
        MoneyDto price,
        long stock,
        long version,
        String createdAt,
        String updatedAt) {
}
