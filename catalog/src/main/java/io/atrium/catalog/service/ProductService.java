package io.atrium.catalog.service;

import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.product.ProductRepository;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Listing;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The catalog rules; knows nothing of HTTP. Sku uniqueness is the repository's transaction, not a read here. */
public final class ProductService {
    private final ProductRepository products;
    private final Paginator paginator;
    private final OwnedIds ids;
    private final Clock clock;

    public ProductService(ProductRepository products, Paginator paginator, OwnedIds ids, Clock clock) {
        this.products = products;
        this.paginator = paginator;
        this.ids = ids;
        this.clock = clock;
    }

    public Product create(String tenantId, ProductDetails details) {
        Instant now = now();
        Product product = new Product(tenantId, ids.newId("prd", tenantId), details.sku(), details.name(), details.price(),
                details.stock(), 1, now, now);
        return products.create(product);
    }

    public Product get(String tenantId, String productId) {
        return products.find(tenantId, productId).orElseThrow(() -> NotFoundException.noSuch("product"));
    }

    public Listing<Product> list(String tenantId, int limit, Optional<String> nextToken) {
        String query = "products?limit=" + limit;
        return paginator.page(tenantId, query, nextToken, startKey -> products.list(tenantId, limit, startKey));
    }

    /** Replaces the details if the client saw the current version (which orders move on too). */
    public Product update(String tenantId, String productId, ProductDetails details, long expectedVersion) {
        Product current = get(tenantId, productId);
        if (current.version() != expectedVersion) {
            throw PreconditionFailedException.versionMoved("product");
        }
        Product changed = current.withDetails(details.sku(), details.name(), details.price(), details.stock(), now());
        return products.update(changed, current.sku(), expectedVersion);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
