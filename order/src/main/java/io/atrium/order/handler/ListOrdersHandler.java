package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.dto.OrderResponse;
import io.atrium.order.mapper.OrderMapper;
import io.atrium.order.service.OrderService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ListResponse;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.paging.Listing;
import java.util.Optional;

/** {@code GET /orders?status=&limit=&nextToken=}: newest first, all or in one status. */
public final class ListOrdersHandler extends ApiHandler {
    private final OrderService service;

    public ListOrdersHandler() {
        this(OrderWiring.service());
    }

    public ListOrdersHandler(OrderService service) {
        super("order", "listOrders", "orders/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<OrderStatus> status = request.query("status").map(ListOrdersHandler::status);
        Listing<OrderResponse> page = service.list(request.tenantId(), status, request.limit(), request.nextToken())
                .map(OrderMapper::toResponse);
        return ApiResponse.json(200, new ListResponse<>(page.items(), page.nextToken().orElse(null)));
    }

    private static OrderStatus status(String value) {
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "must be one of PENDING, CONFIRMED, CANCELLED");
        }
    }
}
