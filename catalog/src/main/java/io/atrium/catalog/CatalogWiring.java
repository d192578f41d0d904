package io.atrium.catalog;

import io.atrium.catalog.service.ProductService;
import io.atrium.shared.Platform;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;

/** The catalog functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class CatalogWiring {
    private static final ProductService SERVICE = new ProductService(
            new DynamoDbProductRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("PRODUCT_TABLE")),
            Platform.paginator(),
            Platform.ownedIds(),
            Platform.clock());

    private CatalogWiring() {
    }

    public static ProductService service() {
        return SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }
}
