package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.service.OrderService;
import io.atrium.order.service.PlacedOrder;
import io.atrium.shared.events.SqsEvent;
import io.atrium.shared.events.SqsWorker;
import java.util.List;

/**
 * The order queue's worker: PENDING -> CONFIRMED. A redelivered message changes nothing; a cancelled order's
 * message is done (not retried); a message for an order that does not exist, or that cannot be read, fails
 * alone and, after the queue's maxReceiveCount, rests in its DLQ.
 */
public final class ConfirmOrderHandler extends SqsWorker {
    private final OrderService service;

    public ConfirmOrderHandler() {
        this(OrderWiring.service());
    }

    public ConfirmOrderHandler(OrderService service) {
        super("order", "confirmOrder");
        this.service = service;
    }

    @Override
    protected void handleAll(List<SqsEvent.Message> messages, Outcomes<SqsEvent.Message> outcomes) {
        outcomes.each(messages, this::confirm);
    }

    private String confirm(SqsEvent.Message message) {
        PlacedOrder placed = parse(message.body(), PlacedOrder.class);
        return switch (service.confirm(placed.tenantId(), placed.orderId())) {
            case CONFIRMED -> "confirmed";
            case CANCELLED -> "cancelledDropped";
        };
    }
}
