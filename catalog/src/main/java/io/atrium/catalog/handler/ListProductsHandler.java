package io.atrium.catalog.handler;

import io.atrium.catalog.CatalogWiring;
import io.atrium.catalog.dto.ProductResponse;
import io.atrium.catalog.mapper.ProductMapper;
import io.atrium.catalog.service.ProductService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ListResponse;
import io.atrium.shared.paging.Listing;

/** {@code GET /products?limit=&nextToken=}: newest first. */
public final class ListProductsHandler extends ApiHandler {
    private final ProductService service;

    public ListProductsHandler() {
        this(CatalogWiring.service());
    }

    public ListProductsHandler(ProductService service) {
        super("catalog", "listProducts", "catalog/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Listing<ProductResponse> page = service.list(request.tenantId(), request.limit(), request.nextToken())
                .map(ProductMapper::toResponse);
        return ApiResponse.json(200, new ListResponse<>(page.items(), page.nextToken().orElse(null)));
    }
}
