package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.order.NotEnoughStockException;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderCancelledException;
import io.atrium.shared.domain.order.OrderLine;
import io.atrium.shared.domain.order.OrderRepository;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.domain.order.PriceChangedException;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.snapstart.PrimingGuard;
import io.atrium.shared.snapstart.PrimingIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * OrderTable, written in one TransactWriteItems with the stock of the products in ProductTable (ADR 0401):
 * placing an order takes each line's quantity from its product on condition that enough is left and the
 * price is the one the line carries; cancelling puts it back.
 */
public final class DynamoDbOrderRepository implements OrderRepository {
    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<OrderItem> table;
    private final String orderTable;
    private final String productTable;

    public DynamoDbOrderRepository(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String orderTable,
                                   String productTable) {
        this.dynamoDb = dynamoDb;
        this.orderTable = orderTable;
        this.productTable = productTable;
        this.table = enhanced.table(orderTable, OrderItem.SCHEMA);
    }

    @Override
    public Order place(Order order) {
        if (order.lines().isEmpty() || order.lines().size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(orderTable)
                .item(OrderItem.SCHEMA.itemToMap(OrderItem.from(order), true))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        String now = order.createdAt().toString();
        for (OrderLine line : order.lines()) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(productTable)
                    .key(productKey(order.tenantId(), line.productId()))
                    .updateExpression("SET stock = stock - :quantity, version = version + :one, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND stock >= :quantity AND priceAmount = :price "
                            + "AND priceCurrency = :currency")
                    .expressionAttributeValues(Map.of(
                            ":quantity", AttributeValue.fromN(Long.toString(line.quantity())),
                            ":one", AttributeValue.fromN("1"),
                            ":now", AttributeValue.fromS(now),
                            ":price", AttributeValue.fromN(line.unitPrice().amount().toPlainString()),
                            ":currency", AttributeValue.fromS(line.unitPrice().currency())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        }
        TransactWrites.write(dynamoDb, writes, cancellation -> placeFailure(order, cancellation));
        return order;
    }

    /**
     * Before the SnapStart snapshot of the function that places orders (ADR 0016; its policy allows these calls), what
     * its first order does beyond the route's priming request, which stops at the service's read of a product that
     * does not exist: an order of the priming ids (one line of a product no tenant has) is placed with every write
     * refused ({@link PrimingGuard}), so its item, the TransactWriteItems, the cancellation and its explanation run and
     * nothing is written; then a product and the order are converted to their items and back, as a stored product is
     * read and an order found.
     */
    public void primePlace() {
        Instant now = Instant.now();
        Money price = Money.of("1.00", "EUR");
        Order order = new Order(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, OrderStatus.PENDING,
                List.of(new OrderLine(PrimingIds.ITEM_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID, 1, price)), price, 1, now, now);
        PrimingGuard.expectRefused("order", () -> place(order));
        OrderItem.SCHEMA.mapToItem(OrderItem.SCHEMA.itemToMap(OrderItem.from(order), true)).toDomain();
        ProductItem.primeConversion(now);
    }

    /** Names why a placement was refused: a product gone, then stock short, then a price that moved. */
    private static RuntimeException placeFailure(Order order, TransactWrites.Cancellation cancellation) {
        if (cancellation.failed(0)) {
            return new ConflictException("An order with this id already exists.");
        }
        List<NotEnoughStockException.Shortage> shortages = new ArrayList<>();
        String priceMoved = null;
        for (int i = 0; i < order.lines().size(); i++) {
            if (!cancellation.failed(i + 1)) {
                continue;
            }
            OrderLine line = order.lines().get(i);
            if (!cancellation.existed(i + 1)) {
                return new NotFoundException("No product with id " + line.productId() + ".", line.productId());
            }
            ProductItem current = ProductItem.SCHEMA.mapToItem(cancellation.itemAsItWas(i + 1).orElseThrow());
            if (current.getStock() < line.quantity()) {
                shortages.add(new NotEnoughStockException.Shortage(line.productId(), current.getStock(), line.quantity()));
            } else if (priceMoved == null) {
                priceMoved = line.productId();
            }
        }
        if (!shortages.isEmpty()) {
            return new NotEnoughStockException(shortages);
        }
        return new PriceChangedException(priceMoved);
    }

    @Override
    public Optional<Order> find(String tenantId, String orderId) {
        OrderItem item = table.getItem(r -> r.key(Key.builder().partitionValue(OrderItem.key(tenantId, orderId)).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(OrderItem::toDomain);
    }

    @Override
    public Page<Order> list(String tenantId, Optional<OrderStatus> status, int limit, Map<String, String> startKey) {
        String partition = status.map(s -> OrderItem.statusPartition(tenantId, s))
                .orElse(Keys.collection(tenantId, OrderItem.COLLECTION));
        return QueryPages.newestFirst(dynamoDb, orderTable, OrderItem.SCHEMA, status.isPresent() ? "byStatus" : "byTenant",
                partition, limit, startKey, OrderItem::toDomain);
    }

    @Override
    public Order cancel(Order order, long expectedVersion, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":cancelled", AttributeValue.fromS(OrderStatus.CANCELLED.name()));
        values.put(":pending", AttributeValue.fromS(OrderStatus.PENDING.name()));
        values.put(":confirmed", AttributeValue.fromS(OrderStatus.CONFIRMED.name()));
        values.put(":gsi2pk", AttributeValue.fromS(OrderItem.statusPartition(order.tenantId(), OrderStatus.CANCELLED)));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":now", AttributeValue.fromS(now.toString()));
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(orderTable)
                .key(Map.of("pk", AttributeValue.fromS(OrderItem.key(order.tenantId(), order.id()))))
                .updateExpression("SET #status = :cancelled, gsi2pk = :gsi2pk, version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk) AND version = :expected AND #status IN (:pending, :confirmed)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        for (OrderLine line : order.lines()) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(productTable)
                    .key(productKey(order.tenantId(), line.productId()))
                    .updateExpression("SET stock = stock + :quantity, version = version + :one, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(
                            ":quantity", AttributeValue.fromN(Long.toString(line.quantity())),
                            ":one", AttributeValue.fromN("1"),
                            ":now", AttributeValue.fromS(now.toString()))).build()).build());
        }
        TransactWrites.write(dynamoDb, writes, cancellation -> {
            if (cancellation.failed(0)) {
                if (!cancellation.existed(0)) {
                    return notFound();
                }
                OrderItem current = OrderItem.SCHEMA.mapToItem(cancellation.itemAsItWas(0).orElseThrow());
                return OrderStatus.CANCELLED.name().equals(current.getStatus()) ? alreadyCancelled() : versionMoved();
            }
            for (int i = 0; i < order.lines().size(); i++) {
                if (cancellation.failed(i + 1)) {
                    return new ConflictException("Product " + order.lines().get(i).productId()
                            + " no longer exists, so the order's stock cannot be put back.");
                }
            }
            return new IllegalStateException("cancel refused without a failed condition");
        });
        return new Order(order.tenantId(), order.id(), OrderStatus.CANCELLED, order.lines(), order.total(),
                expectedVersion + 1, order.createdAt(), now);
    }

    @Override
    public Order confirm(String tenantId, String orderId, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":confirmed", AttributeValue.fromS(OrderStatus.CONFIRMED.name()));
        values.put(":pending", AttributeValue.fromS(OrderStatus.PENDING.name()));
        values.put(":gsi2pk", AttributeValue.fromS(OrderItem.statusPartition(tenantId, OrderStatus.CONFIRMED)));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":now", AttributeValue.fromS(now.toString()));
        try {
            UpdateItemResponse response = dynamoDb.updateItem(r -> r.tableName(orderTable)
                    .key(Map.of("pk", AttributeValue.fromS(OrderItem.key(tenantId, orderId))))
                    .updateExpression("SET #status = :confirmed, gsi2pk = :gsi2pk, version = version + :one, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND #status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return OrderItem.SCHEMA.mapToItem(response.attributes()).toDomain();
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw notFound();
            }
            Order current = OrderItem.SCHEMA.mapToItem(e.item()).toDomain();
            if (current.status() == OrderStatus.CONFIRMED) {
                return current;
            }
            throw new ConflictException("The order was cancelled; it cannot be confirmed.");
        }
    }

    private static Map<String, AttributeValue> productKey(String tenantId, String productId) {
        return Map.of("pk", AttributeValue.fromS(ProductItem.key(tenantId, productId)));
    }

    private static NotFoundException notFound() {
        return NotFoundException.noSuch("order");
    }

    private static ConflictException alreadyCancelled() {
        return new OrderCancelledException();
    }

    private static PreconditionFailedException versionMoved() {
        return PreconditionFailedException.versionMoved("order");
    }
}
