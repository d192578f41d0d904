package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.service.PlacedOrder;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.events.MessageQueue;
import io.atrium.shared.events.StreamEvent.StreamRecord;
import io.atrium.shared.events.StreamWorker;
import io.atrium.shared.json.Json;
import io.atrium.shared.repository.dynamodb.OrderItem;
import io.atrium.shared.trace.Invocation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OrderTable stream's consumer: every newly placed (INSERTed, PENDING) order goes to the order queue,
 * whose worker confirms it (ADR 0403). The order and its stream record are written by one DynamoDB commit,
 * so no placed order can miss the queue; a record whose message SQS does not take fails and is delivered again.
 */
public final class PublishPlacedOrdersHandler extends StreamWorker {
    private final MessageQueue queue;

    public PublishPlacedOrdersHandler() {
        this(OrderWiring.orderQueue());
    }

    public PublishPlacedOrdersHandler(MessageQueue queue) {
        super("order", "publishPlacedOrders");
        this.queue = queue;
    }

    @Override
    protected void handleAll(List<StreamRecord> records, Outcomes<StreamRecord> outcomes) {
        Map<Order, StreamRecord> placed = new IdentityHashMap<>();
        Map<Order, String> traces = new IdentityHashMap<>();
        List<Order> toSend = new ArrayList<>();
        for (StreamRecord record : records) {
            try {
                Order order = placedOrder(record);
                if (order == null) {
                    outcomes.done("ignored");
                } else {
                    placed.put(order, record);
                    traces.put(order, continuedTrace(record));
                    toSend.add(order);
                }
            } catch (RuntimeException e) {
                outcomes.failed(record, e);
            }
        }
        List<Order> unsent = queue.send(toSend, order -> Json.write(PlacedOrder.of(order)), traces::get);
        for (Order order : toSend) {
            if (unsent.contains(order)) {
                outcomes.failed(placed.get(order), new IllegalStateException("SQS did not take the message of order " + order.id()));
            } else {
                outcomes.done("published");
            }
        }
    }

    /**
     * The trace header the order's message carries (ADR 0012). A stream record carries no trace header (as in AWS);
     * the order item does: the trace of the request that placed it. This publisher's part becomes a span of that
     * trace, and the message carries the header under it, so the worker's span hangs under the publisher's, which
     * hangs under the request's. An order without a trace: the publisher's own.
     */
    private static String continuedTrace(StreamRecord record) {
        return Invocation.continuing(OrderItem.traceHeaderOf(record.newImage()), "publishPlacedOrders",
                Invocation::currentHeader);
    }

    /** The order a record placed, or null for any other change (confirm, cancel: MODIFY records). */
    private static Order placedOrder(StreamRecord record) {
        if (!record.isInsert()) {
            return null;
        }
        Order order = OrderItem.fromImage(record.newImage());
        return order.status() == OrderStatus.PENDING ? order : null;
    }
}
