package io.atrium.catalog.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.Money;

/**
 * Body of {@code PUT /products/{productId}}: replaces every detail, stock included. Orders change stock
 * and with it the version, so If-Match guarantees the client set the stock knowing the current level.
 */
public record UpdateProductRequest(String sku, String name, Money price, Long stock) implements Validatable {
    @Override
    public void validate(Violations violations) {
        ProductFields.validate(violations, sku, name, price, stock);
    }
}
