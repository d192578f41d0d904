package io.atrium.order;

import io.atrium.order.service.OrderService;
import io.atrium.shared.Platform;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.events.MessageQueue;
import io.atrium.shared.events.SqsQueue;
import io.atrium.shared.repository.dynamodb.DynamoDbOrderRepository;
import io.atrium.shared.repository.dynamodb.DynamoDbProductRepository;
import io.atrium.shared.snapstart.SnapStart;

/** The order functions' object graph, built once per container at class init (and snapshotted by SnapStart). */
public final class OrderWiring {
    private OrderWiring() {
    }

    public static OrderService service() {
        return ServiceHolder.SERVICE;
    }

    public static Idempotency idempotency() {
        return Platform.idempotency();
    }

    /** The order queue, for the stream publisher only: it alone needs ORDER_QUEUE_URL and the SQS client. */
    public static MessageQueue orderQueue() {
        return QueueHolder.QUEUE;
    }

    /**
     * For the function that places orders (POST /orders; its policy allows the writes): the placing path, which a
     * priming request cannot reach, is primed before the SnapStart snapshot with writes refused (ADR 0016).
     */
    public static void primePlacing() {
        SnapStart.prime("placeOrder", ServiceHolder.ORDERS::primePlace);
    }

    private static final class ServiceHolder {
        private static final String PRODUCT_TABLE = Platform.table("PRODUCT_TABLE");
        static final DynamoDbOrderRepository ORDERS = new DynamoDbOrderRepository(Platform.dynamoDb(), Platform.enhanced(),
                Platform.table("ORDER_TABLE"), PRODUCT_TABLE);
        static final OrderService SERVICE = new OrderService(
                new DynamoDbProductRepository(Platform.dynamoDb(), Platform.enhanced(), PRODUCT_TABLE),
                ORDERS,
                Platform.paginator(),
                Platform.ownedIds(),
                Platform.clock());
    }

    private static final class QueueHolder {
        static final MessageQueue QUEUE = SqsQueue.fromSettings(Platform.config(), "ORDER_QUEUE_URL", "order");
    }
}
