package io.atrium.catalog.handler;

import io.atrium.catalog.CatalogWiring;
import io.atrium.catalog.mapper.ProductMapper;
import io.atrium.catalog.service.ProductService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.product.Product;

/** {@code GET /products/{productId}}. */
public final class GetProductHandler extends ApiHandler {
    private final ProductService service;

    public GetProductHandler() {
        this(CatalogWiring.service());
    }

    public GetProductHandler(ProductService service) {
        super("catalog", "getProduct", "catalog/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Product product = service.get(request.tenantId(), request.pathId("productId"));
        return ApiResponse.resource(200, ProductMapper.toResponse(product), product.version());
    }
}
