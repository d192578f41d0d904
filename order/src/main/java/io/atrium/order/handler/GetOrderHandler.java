package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.mapper.OrderMapper;
import io.atrium.order.service.OrderService;
import io.atrium.order.dto.OrderResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.order.Order;

/** {@code GET /orders/{orderId}}. */
public final class GetOrderHandler extends ApiHandler {
    private final OrderService service;

    public GetOrderHandler() {
        this(OrderWiring.service());
    }

    public GetOrderHandler(OrderService service) {
        super("order", "getOrder", "orders/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Order order = service.get(request.tenantId(), request.pathId("orderId"));
        return ApiResponse.resource(200, OrderMapper.toResponse(order), order.version());
    }

    @Override
    protected Class<?> responseType() {
        return OrderResponse.class;
    }
}
