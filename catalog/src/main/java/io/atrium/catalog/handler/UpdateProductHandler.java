package io.atrium.catalog.handler;

import io.atrium.catalog.CatalogWiring;
import io.atrium.catalog.dto.ProductResponse;
import io.atrium.catalog.dto.UpdateProductRequest;
import io.atrium.catalog.mapper.ProductMapper;
import io.atrium.catalog.service.ProductService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.domain.product.Product;

/** {@code PUT /products/{productId}} with If-Match (428 without, 412 when stale, 409 when the new sku is taken). */
public final class UpdateProductHandler extends ApiHandler {
    private final ProductService service;

    public UpdateProductHandler() {
        this(CatalogWiring.service());
    }

    public UpdateProductHandler(ProductService service) {
        super("catalog", "updateProduct", "catalog/write");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String productId = request.pathId("productId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        UpdateProductRequest body = request.body(UpdateProductRequest.class);
        Product product = service.update(request.tenantId(), productId, ProductMapper.toDetails(body), expected);
        return ApiResponse.resource(200, ProductMapper.toResponse(product), product.version());
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return ProductResponse.class;
    }

    /** A valid body for an item no tenant has: read, validated, then the item looked up (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"sku\":\"PRIMING-001\",\"name\":\"Priming mug\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"stock\":25}";
    }
}
