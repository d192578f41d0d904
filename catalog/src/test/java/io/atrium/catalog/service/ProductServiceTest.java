package io.atrium.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.product.ProductRepository;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ProductServiceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00.123456Z");
    private static final Instant CREATED = Instant.parse("2026-05-01T08:00:00Z");

    @Mock
    private ProductRepository products;
    private ProductService service;

    @BeforeEach
    void setUp() {
        service = new ProductService(products, new Paginator(new PageTokens("unit-test-secret-0123456789")),
                new OwnedIds(null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Product current() {
        return new Product("t1", "prd_1", "OLD-SKU", "Old", Money.of("1.00", "EUR"), 4, 3, CREATED, CREATED);
    }

    @Test
    void createStartsAtVersionOneWithAFreshIdAndTheClockInMillis() {
        when(products.create(any())).thenAnswer(call -> call.getArgument(0));

        Product created = service.create("t1", new ProductDetails("NEW", "Mug", Money.of("2.50", "EUR"), 9));

        assertEquals(1, created.version());
        assertEquals("t1", created.tenantId());
        assertEquals(Instant.parse("2026-06-01T12:00:00.123Z"), created.createdAt());
        assertEquals(created.createdAt(), created.updatedAt());
        assertEquals(true, created.id().startsWith("prd_"));
    }

    @Test
    void updateKeepsIdentityAndCreationAndHandsOverThePreviousSku() {
        when(products.find("t1", "prd_1")).thenReturn(Optional.of(current()));
        when(products.update(any(), anyString(), anyLong())).thenAnswer(call -> call.getArgument(0));
        ArgumentCaptor<Product> changed = ArgumentCaptor.forClass(Product.class);

        service.update("t1", "prd_1", new ProductDetails("NEW-SKU", "New", Money.of("3.00", "USD"), 0), 3);

        verify(products).update(changed.capture(), eq("OLD-SKU"), eq(3L));
        assertEquals("prd_1", changed.getValue().id());
        assertEquals(CREATED, changed.getValue().createdAt());
        assertEquals("NEW-SKU", changed.getValue().sku());
        assertEquals(0, changed.getValue().stock());
        assertEquals(Instant.parse("2026-06-01T12:00:00.123Z"), changed.getValue().updatedAt());
    }

    @Test
    void aStaleVersionIs412WithoutAWrite() {
        when(products.find("t1", "prd_1")).thenReturn(Optional.of(current()));

        assertThrows(PreconditionFailedException.class,
                () -> service.update("t1", "prd_1", new ProductDetails("X", "X", Money.of("1.00", "EUR"), 1), 2));
        verify(products, never()).update(any(), anyString(), anyLong());
    }

    @Test
    void anUnknownProductIs404() {
        when(products.find("t1", "nope")).thenReturn(Optional.empty());

        assertThrows(NotFoundException.class, () -> service.get("t1", "nope"));
        assertThrows(NotFoundException.class,
                () -> service.update("t1", "nope", new ProductDetails("X", "X", Money.of("1.00", "EUR"), 1), 1));
    }

    @Test
    void listSealsTheNextPageForThisTenantAndQuery() {
        when(products.list("t1", 2, Map.of())).thenReturn(new Page<>(List.of(current()), Map.of("pk", "TENANT#t1#PRODUCT#prd_1")));

        var page = service.list("t1", 2, Optional.empty());

        assertEquals(1, page.items().size());
        String token = page.nextToken().orElseThrow();
        assertThrows(io.atrium.shared.error.ValidationException.class, () -> service.list("t2", 2, Optional.of(token)));
        assertThrows(io.atrium.shared.error.ValidationException.class, () -> service.list("t1", 3, Optional.of(token)));
    }
}
