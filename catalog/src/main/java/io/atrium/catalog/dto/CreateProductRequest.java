package io.atrium.catalog.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.Money;

/** Body of {@code POST /products}: the only fields a client may set. */
public record CreateProductRequest(String sku, String name, Money price, Long stock) implements Validatable {
    @Override
    public void validate(Violations violations) {
        ProductFields.validate(violations, sku, name, price, stock);
    }
}
