package io.atrium.catalog.service;

import io.atrium.shared.domain.Money;

/** What a client may decide about a product. */
public record ProductDetails(String sku, String name, Money price, long stock) {
}
