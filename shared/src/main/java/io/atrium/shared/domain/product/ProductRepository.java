package io.atrium.shared.domain.product;

import io.atrium.shared.paging.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Products of a tenant, with the tenant's sku index. Every method takes the tenant id; none accepts a
 * storage key from a client.
 */
public interface ProductRepository {

    /**
     * Stores a new product at version 1 together with its sku, in one transaction.
     * @throws io.atrium.shared.error.ConflictException when the tenant already has a product with this sku
     */
    Product create(Product product);

    Optional<Product> find(String tenantId, String productId);

    /** The products of the tenant among {@code productIds}, by id; ids the tenant does not have are absent. */
    Map<String, Product> findAll(String tenantId, Collection<String> productIds);

    /** Newest first; {@code startKey} comes from an opened page token, or is empty for the first page. */
    Page<Product> list(String tenantId, int limit, Map<String, String> startKey);

    /**
     * Replaces the product's details if its version is still {@code expectedVersion}; a changed sku moves
     * the sku's claim in the same transaction.
     * @param previousSku the sku the product has now (the one {@code expectedVersion} carries)
     * @throws io.atrium.shared.error.NotFoundException when it does not exist for the tenant
     * @throws io.atrium.shared.error.PreconditionFailedException when the version moved on
     * @throws io.atrium.shared.error.ConflictException when another product of the tenant has the new sku
     */
    Product update(Product product, String previousSku, long expectedVersion);
}
