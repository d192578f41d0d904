package io.atrium.catalog.dto;

import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Sku;

/** The rules for a product's fields, shared by create and update. */
final class ProductFields {
    static final long MAX_STOCK = 1_000_000_000L;

    private ProductFields() {
    }

    static void validate(Violations violations, String sku, String name, Money price, Long stock) {
        if (violations.text("sku", sku, 1, 64)) {
            violations.matches("sku", sku, Sku.PATTERN,
                    "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        violations.text("name", name, 1, 200);
        violations.money("price", price, false);
        violations.range("stock", stock, 0, MAX_STOCK);
    }
}
