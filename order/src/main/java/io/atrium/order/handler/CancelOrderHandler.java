package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.dto.OrderResponse;
import io.atrium.order.mapper.OrderMapper;
import io.atrium.order.service.OrderService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.domain.order.Order;

/**
 * {@code POST /orders/{orderId}/cancel} with If-Match: 200 with the CANCELLED order, its stock put back;
 * 409 once cancelled; 428 without If-Match, 412 when stale.
 */
public final class CancelOrderHandler extends ApiHandler {
    private final OrderService service;

    public CancelOrderHandler() {
        this(OrderWiring.service());
    }

    public CancelOrderHandler(OrderService service) {
        super("order", "cancelOrder", "orders/write");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String orderId = request.pathId("orderId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        Order order = service.cancel(request.tenantId(), orderId, expected);
        return ApiResponse.resource(200, OrderMapper.toResponse(order), order.version());
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return OrderResponse.class;
    }
}
