package io.atrium.catalog.handler;

import io.atrium.catalog.CatalogWiring;
import io.atrium.catalog.dto.CreateProductRequest;
import io.atrium.catalog.dto.ProductResponse;
import io.atrium.catalog.mapper.ProductMapper;
import io.atrium.catalog.service.ProductService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.product.Product;

/** {@code POST /products}: 201 with the new product, 409 when the sku is taken; repeatable with an Idempotency-Key. */
public final class CreateProductHandler extends ApiHandler {
    private final ProductService service;
    private final Idempotency idempotency;

    public CreateProductHandler() {
        this(CatalogWiring.service(), CatalogWiring.idempotency());
    }

    public CreateProductHandler(ProductService service, Idempotency idempotency) {
        super("catalog", "createProduct", "catalog/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return idempotency.run(request, "createProduct", false, () -> {
            CreateProductRequest body = request.body(CreateProductRequest.class);
            Product product = service.create(request.tenantId(), ProductMapper.toDetails(body));
            return ApiResponse.resource(201, ProductMapper.toResponse(product), product.version())
                    .withHeader("Location", "/v1/products/" + product.id());
        });
    }

    /** A valid body whose ids name nothing: read, validated and served up to DynamoDB (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"sku\":\"PRIMING-001\",\"name\":\"Priming mug\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"stock\":25}";
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return ProductResponse.class;
    }
}
