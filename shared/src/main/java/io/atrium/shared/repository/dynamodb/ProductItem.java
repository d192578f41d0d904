package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.snapstart.PrimingIds;
import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The stored shape of a product (ProductTable). The price is a DynamoDB number, which is an exact
 * decimal, so conditions can compare it. Its schema is built once, without reflection.
 */
public final class ProductItem extends EntityItem {
    static final String TYPE = "PRODUCT";
    static final String COLLECTION = "PRODUCTS";

    public static final StaticTableSchema<ProductItem> SCHEMA = StaticTableSchema.builder(ProductItem.class)
            .newItemSupplier(ProductItem::new)
            .extend(EntityItem.SCHEMA)
            .addAttribute(String.class, a -> a.name("productId").getter(ProductItem::getProductId).setter(ProductItem::setProductId))
            .addAttribute(String.class, a -> a.name("sku").getter(ProductItem::getSku).setter(ProductItem::setSku))
            .addAttribute(String.class, a -> a.name("name").getter(ProductItem::getName).setter(ProductItem::setName))
            .addAttribute(BigDecimal.class, a -> a.name("priceAmount").getter(ProductItem::getPriceAmount).setter(ProductItem::setPriceAmount))
            .addAttribute(String.class, a -> a.name("priceCurrency").getter(ProductItem::getPriceCurrency).setter(ProductItem::setPriceCurrency))
            .addAttribute(Long.class, a -> a.name("stock").getter(ProductItem::getStock).setter(ProductItem::setStock))
            .build();

    private String productId;
    private String sku;
    private String name;
    private BigDecimal priceAmount;
    private String priceCurrency;
    private Long stock;

    static ProductItem from(Product product) {
        ProductItem item = new ProductItem();
        item.pk = key(product.tenantId(), product.id());
        item.gsi1pk = Keys.collection(product.tenantId(), COLLECTION);
        item.gsi1sk = Keys.created(product.createdAt(), product.id());
        item.tenantId = product.tenantId();
        item.productId = product.id();
        item.sku = product.sku();
        item.name = product.name();
        item.priceAmount = product.price().amount();
        item.priceCurrency = product.price().currency();
        item.stock = product.stock();
        item.version = product.version();
        item.createdAt = product.createdAt().toString();
        item.updatedAt = product.updatedAt().toString();
        return item;
    }

    Product toDomain() {
        return new Product(tenantId, productId, sku, name, new Money(priceAmount, priceCurrency), stock, version,
                Instant.parse(createdAt), Instant.parse(updatedAt));
    }

    /**
     * A product of the priming ids converted to its item and back, as a stored product is read (ADR 0016): the
     * enhanced client's conversions of every attribute, which a read that finds nothing never runs.
     */
    static Product primeConversion(Instant now) {
        Product product = new Product(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID,
                Money.of("1.00", "EUR"), 1, 1, now, now);
        return SCHEMA.mapToItem(SCHEMA.itemToMap(from(product), true)).toDomain();
    }

    static String key(String tenantId, String productId) {
        return Keys.entity(tenantId, TYPE, productId);
    }

    public String getProductId() { return productId; }
    public void setProductId(String productId) { this.productId = productId; }
    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BigDecimal getPriceAmount() { return priceAmount; }
    public void setPriceAmount(BigDecimal priceAmount) { this.priceAmount = priceAmount; }
    public String getPriceCurrency() { return priceCurrency; }
    public void setPriceCurrency(String priceCurrency) { this.priceCurrency = priceCurrency; }
    public Long getStock() { return stock; }
    public void setStock(Long stock) { this.stock = stock; }
}
