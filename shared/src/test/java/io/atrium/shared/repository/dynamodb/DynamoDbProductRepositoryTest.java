package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ProductTable against DynamoDB Local: the sku claim is kept by the database in every write. */
class DynamoDbProductRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbProductRepository products;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("product-repo-test");
        client = tables.client();
        table = tables.name("ProductTable");
        products = new DynamoDbProductRepository(client, tables.enhanced(), table);
    }

    private static Product product(String tenant, String id, String sku, long stock) {
        return new Product(tenant, id, sku, "Product " + id, Money.of("19.99", "EUR"), stock, 1, T0, T0);
    }

    private static Map<String, AttributeValue> item(String pk) {
        return client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
    }

    @Test
    void createStoresTheProductAndItsSkuClaimTogether() {
        products.create(product("t-create", "p1", "Mug-01", 5));

        Product found = products.find("t-create", "p1").orElseThrow();
        assertEquals("Mug-01", found.sku());
        assertEquals(0, Money.of("19.99", "EUR").amount().compareTo(found.price().amount()));
        assertEquals(5, found.stock());
        assertEquals(1, found.version());
        Map<String, AttributeValue> marker = item("TENANT#t-create#SKU#MUG-01");
        assertEquals("p1", marker.get("productId").s());
        assertNull(marker.get("gsi1pk"), "the claim must not show up in lists");
    }

    @Test
    void aSecondProductWithTheSameSkuInAnyCaseIsAConflictAndLeavesNothingBehind() {
        products.create(product("t-dup", "p1", "SKU-1", 5));

        ConflictException e = assertThrows(ConflictException.class, () -> products.create(product("t-dup", "p2", "sku-1", 3)));
        assertTrue(e.detail().contains("p1"), e.detail());
        assertTrue(products.find("t-dup", "p2").isEmpty(), "the product of a refused claim must not be stored");
        // Another tenant may use the same sku.
        products.create(product("t-dup-other", "p3", "SKU-1", 1));
        assertTrue(products.find("t-dup-other", "p3").isPresent());
    }

    @Test
    void updateWithTheCurrentVersionReplacesTheDetails() {
        Product created = products.create(product("t-upd", "p1", "A-1", 5));

        Product updated = products.update(created.withDetails("a-1", "Renamed", Money.of("5.5", "USD"), 9, T0.plusSeconds(60)),
                "A-1", 1);

        assertEquals(2, updated.version());
        Product stored = products.find("t-upd", "p1").orElseThrow();
        assertEquals("Renamed", stored.name());
        assertEquals("a-1", stored.sku());
        assertEquals("USD", stored.price().currency());
        assertEquals(9, stored.stock());
        assertEquals(2, stored.version());
        assertEquals("p1", item("TENANT#t-upd#SKU#A-1").get("productId").s(), "same sku in another case keeps its claim");
    }

    @Test
    void aNewSkuMovesTheClaimInOneTransaction() {
        Product created = products.create(product("t-move", "p1", "OLD", 5));

        Product updated = products.update(created.withDetails("NEW", "Moved", created.price(), 5, T0), "OLD", 1);

        assertEquals(2, updated.version());
        assertTrue(item("TENANT#t-move#SKU#OLD").isEmpty(), "the old claim is released");
        assertEquals("p1", item("TENANT#t-move#SKU#NEW").get("productId").s());
        products.create(product("t-move", "p2", "old", 1));
        assertEquals("p2", item("TENANT#t-move#SKU#OLD").get("productId").s());
    }

    @Test
    void movingToATakenSkuIsAConflictAndChangesNothing() {
        products.create(product("t-taken", "p1", "ONE", 5));
        Product second = products.create(product("t-taken", "p2", "TWO", 5));

        assertThrows(ConflictException.class,
                () -> products.update(second.withDetails("one", "Clash", second.price(), 7, T0), "TWO", 1));

        Product stored = products.find("t-taken", "p2").orElseThrow();
        assertEquals("TWO", stored.sku());
        assertEquals(1, stored.version());
        assertEquals("p2", item("TENANT#t-taken#SKU#TWO").get("productId").s());
        assertEquals("p1", item("TENANT#t-taken#SKU#ONE").get("productId").s());
    }

    @Test
    void aStaleVersionIs412AndAMissingProduct404OnBothPaths() {
        Product created = products.create(product("t-stale", "p1", "S-1", 5));
        products.update(created.withDetails("S-1", "v2", created.price(), 5, T0), "S-1", 1);

        // a late writer's request is a later one: its own update time (RetriedWrite tells a retry by the time)
        Instant late = T0.plusSeconds(1);
        assertThrows(PreconditionFailedException.class,
                () -> products.update(created.withDetails("S-1", "late", created.price(), 5, late), "S-1", 1));
        assertThrows(PreconditionFailedException.class,
                () -> products.update(created.withDetails("S-2", "late", created.price(), 5, late), "S-1", 1));
        assertTrue(item("TENANT#t-stale#SKU#S-2").isEmpty(), "a refused move claims nothing");
        Product ghost = product("t-stale", "nope", "G-1", 1);
        assertThrows(NotFoundException.class, () -> products.update(ghost, "G-1", 1));
        assertThrows(NotFoundException.class, () -> products.update(ghost.withDetails("G-2", "x", ghost.price(), 1, T0), "G-1", 1));
    }

    @Test
    void findAllReturnsOnlyTheTenantsProducts() {
        products.create(product("t-all", "a", "A", 1));
        products.create(product("t-all", "b", "B", 2));
        products.create(product("t-all-other", "c", "C", 3));

        Map<String, Product> found = products.findAll("t-all", List.of("a", "b", "c", "missing", "a"));

        assertEquals(2, found.size());
        assertEquals(2, found.get("b").stock());
        assertFalse(found.containsKey("c"), "another tenant's product is simply absent");
    }

    @Test
    void findAllReadsMoreThanOneBatch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String id = "bulk" + i;
            ids.add(id);
            products.create(product("t-bulk", id, "BULK-" + i, i));
        }
        assertEquals(130, products.findAll("t-bulk", ids).size());
    }

    @Test
    void listPagesNewestFirstAndNeverShowsSkuClaims() {
        for (int i = 0; i < 5; i++) {
            products.create(new Product("t-list", "p" + i, "L-" + i, "P" + i, Money.of("1.00", "EUR"), 1, 1,
                    T0.plusSeconds(i), T0.plusSeconds(i)));
        }
        Page<Product> first = products.list("t-list", 3, Map.of());
        assertEquals(List.of("p4", "p3", "p2"), first.items().stream().map(Product::id).toList());
        assertTrue(first.hasMore());
        Page<Product> second = products.list("t-list", 3, first.lastKey());
        assertEquals(List.of("p1", "p0"), second.items().stream().map(Product::id).toList());
        assertNotNull(second.lastKey());
        assertTrue(products.list("t-list-empty", 3, Map.of()).items().isEmpty());
    }
}
