package io.atrium.order.handler;

import io.atrium.order.OrderWiring;
import io.atrium.order.dto.PlaceOrderRequest;
import io.atrium.order.mapper.OrderMapper;
import io.atrium.order.service.OrderService;
import io.atrium.order.dto.OrderResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.order.Order;

/**
 * {@code POST /orders} with a required Idempotency-Key: 201 with the PENDING order, 409 when any line
 * lacks stock (nothing reserved), 404 naming a product the tenant does not have.
 */
public final class PlaceOrderHandler extends ApiHandler {
    private final OrderService service;
    private final Idempotency idempotency;

    public PlaceOrderHandler() {
        this(OrderWiring.service(), OrderWiring.idempotency());
        OrderWiring.primePlacing();
    }

    public PlaceOrderHandler(OrderService service, Idempotency idempotency) {
        super("order", "placeOrder", "orders/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        // Required: a retried POST without a key would reserve the stock twice.
        return idempotency.run(request, "placeOrder", true, () -> {
            PlaceOrderRequest body = request.body(PlaceOrderRequest.class);
            Order order = service.place(request.tenantId(), OrderMapper.toLines(body));
            metrics().count("OrdersPlaced", 1);
            return ApiResponse.resource(201, OrderMapper.toResponse(order), order.version())
                    .withHeader("Location", "/v1/orders/" + order.id());
        });
    }

    /** A valid body whose ids name nothing: read, validated and served up to DynamoDB (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"items\":[{\"productId\":\"" + PRIMING_ID + "\",\"quantity\":2}]}";
    }

    @Override
    protected Class<?> responseType() {
        return OrderResponse.class;
    }
}
