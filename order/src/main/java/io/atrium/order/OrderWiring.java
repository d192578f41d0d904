package io.atrium.order;

import io.atrium.order.events.LoggedOrderEvents;
import io.atrium.order.service.OrderService;
import io.atrium.shared.Platform;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.log.JsonLog;
import io.atrium.shared.repository.dynamodb.DynamoDbOrderRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;

/** The order functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class OrderWiring {
    private static final String PRODUCT_TABLE = Platform.table("PRODUCT_TABLE");
    private static final OrderService SERVICE = new OrderService(
            new DynamoDbProductRepository(Platform.dynamoDb(), Platform.enhanced(), PRODUCT_TABLE),
            new DynamoDbOrderRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("ORDER_TABLE"), PRODUCT_TABLE),
            // The seam for the queue + worker (ADR 0402): the SQS-backed implementation replaces this one.
            new LoggedOrderEvents(new JsonLog("order")),
            Platform.paginator(),
            Platform.clock());

    private OrderWiring() {
    }

    public static OrderService service() {
        return SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }
}
