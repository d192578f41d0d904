package io.atrium.catalog.mapper;

import io.atrium.catalog.dto.CreateProductRequest;
import io.atrium.catalog.dto.ProductResponse;
import io.atrium.catalog.dto.UpdateProductRequest;
import io.atrium.catalog.service.ProductDetails;
import io.atrium.shared.api.MoneyBody;
import io.atrium.shared.domain.product.Product;

/** dto <-> domain for products. */
public final class ProductMapper {
    private ProductMapper() {
    }

    public static ProductDetails toDetails(CreateProductRequest request) {
        return new ProductDetails(request.sku(), request.name().strip(), request.price(), request.stock());
    }

    public static ProductDetails toDetails(UpdateProductRequest request) {
        return new ProductDetails(request.sku(), request.name().strip(), request.price(), request.stock());
    }

    public static ProductResponse toResponse(Product product) {
        return new ProductResponse(product.id(), product.sku(), product.name(), MoneyBody.of(product.price()), product.stock(),
                product.version(), product.createdAt().toString(), product.updatedAt().toString());
    }
}
