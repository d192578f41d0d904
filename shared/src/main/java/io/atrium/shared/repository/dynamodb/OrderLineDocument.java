package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.order.OrderLine;
import java.math.BigDecimal;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One order line as a map inside the stored order's {@code lines} list. */
public final class OrderLineDocument {
    public static final StaticTableSchema<OrderLineDocument> SCHEMA = StaticTableSchema.builder(OrderLineDocument.class)
            .newItemSupplier(OrderLineDocument::new)
            .addAttribute(String.class, a -> a.name("productId").getter(OrderLineDocument::getProductId).setter(OrderLineDocument::setProductId))
            .addAttribute(String.class, a -> a.name("sku").getter(OrderLineDocument::getSku).setter(OrderLineDocument::setSku))
            .addAttribute(String.class, a -> a.name("name").getter(OrderLineDocument::getName).setter(OrderLineDocument::setName))
            .addAttribute(Long.class, a -> a.name("quantity").getter(OrderLineDocument::getQuantity).setter(OrderLineDocument::setQuantity))
            .addAttribute(BigDecimal.class, a -> a.name("unitPrice").getter(OrderLineDocument::getUnitPrice).setter(OrderLineDocument::setUnitPrice))
            .build();

    private String productId;
    private String sku;
    private String name;
    private Long quantity;
    private BigDecimal unitPrice;

    static OrderLineDocument from(OrderLine line) {
        OrderLineDocument document = new OrderLineDocument();
        document.productId = line.productId();
        document.sku = line.sku();
        document.name = line.name();
        document.quantity = line.quantity();
        document.unitPrice = line.unitPrice().amount();
        return document;
    }

    OrderLine toDomain(String currency) {
        return new OrderLine(productId, sku, name, quantity, new Money(unitPrice, currency));
    }

    public String getProductId() { return productId; }
    public void setProductId(String productId) { this.productId = productId; }
    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getQuantity() { return quantity; }
    public void setQuantity(Long quantity) { this.quantity = quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
}
