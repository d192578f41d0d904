package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.trace.Invocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of an order (OrderTable): one item with its lines as a list of maps, one currency for
 * the whole order, amounts as DynamoDB numbers (exact decimals). Its schema is built once, without reflection.
 */
public final class OrderItem extends EntityItem {
    static final String TYPE = "ORDER";
    static final String COLLECTION = "ORDERS";

    public static final StaticTableSchema<OrderItem> SCHEMA = StaticTableSchema.builder(OrderItem.class)
            .newItemSupplier(OrderItem::new)
            .extend(EntityItem.SCHEMA)
            .addAttribute(String.class, a -> a.name("orderId").getter(OrderItem::getOrderId).setter(OrderItem::setOrderId))
            .addAttribute(String.class, a -> a.name("status").getter(OrderItem::getStatus).setter(OrderItem::setStatus))
            .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(OrderLineDocument.class, OrderLineDocument.SCHEMA)),
                    a -> a.name("lines").getter(OrderItem::getLines).setter(OrderItem::setLines))
            .addAttribute(String.class, a -> a.name("currency").getter(OrderItem::getCurrency).setter(OrderItem::setCurrency))
            .addAttribute(BigDecimal.class, a -> a.name("totalAmount").getter(OrderItem::getTotalAmount).setter(OrderItem::setTotalAmount))
            .addAttribute(String.class, a -> a.name("traceHeader").getter(OrderItem::getTraceHeader).setter(OrderItem::setTraceHeader))
            .build();

    private String orderId;
    private String status;
    private List<OrderLineDocument> lines;
    private String currency;
    private BigDecimal totalAmount;
    /** The trace that wrote the order, so that its queued work continues it (ADR 0012); never shown to clients. */
    private String traceHeader;

    static OrderItem from(Order order) {
        OrderItem item = new OrderItem();
        item.pk = key(order.tenantId(), order.id());
        item.gsi1pk = Keys.collection(order.tenantId(), COLLECTION);
        item.gsi1sk = Keys.created(order.createdAt(), order.id());
        item.gsi2pk = statusPartition(order.tenantId(), order.status());
        item.tenantId = order.tenantId();
        item.orderId = order.id();
        item.status = order.status().name();
        item.lines = order.lines().stream().map(OrderLineDocument::from).toList();
        item.currency = order.total().currency();
        item.totalAmount = order.total().amount();
        item.version = order.version();
        item.createdAt = order.createdAt().toString();
        item.updatedAt = order.updatedAt().toString();
        item.traceHeader = Invocation.currentHeader();
        return item;
    }

    /** The order a stream record's NEW_IMAGE holds (the order stack publishes placed orders from the table's stream). */
    public static Order fromImage(Map<String, AttributeValue> image) {
        return SCHEMA.mapToItem(image).toDomain();
    }

    /** The trace header of the request that wrote the order in a stream record's NEW_IMAGE, or null. */
    public static String traceHeaderOf(Map<String, AttributeValue> image) {
        AttributeValue header = image.get("traceHeader");
        return header == null ? null : header.s();
    }

    Order toDomain() {
        return new Order(tenantId, orderId, OrderStatus.valueOf(status),
                lines.stream().map(line -> line.toDomain(currency)).toList(),
                new Money(totalAmount, currency), version, Instant.parse(createdAt), Instant.parse(updatedAt));
    }

    static String key(String tenantId, String orderId) {
        return Keys.entity(tenantId, TYPE, orderId);
    }

    static String statusPartition(String tenantId, OrderStatus status) {
        return Keys.byStatus(tenantId, COLLECTION, status.name());
    }

    public String getOrderId() { return orderId; }
    public void setOrderId(String orderId) { this.orderId = orderId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public List<OrderLineDocument> getLines() { return lines; }
    public void setLines(List<OrderLineDocument> lines) { this.lines = lines; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public void setTotalAmount(BigDecimal totalAmount) { this.totalAmount = totalAmount; }
    public String getTraceHeader() { return traceHeader; }
    public void setTraceHeader(String traceHeader) { this.traceHeader = traceHeader; }
}
