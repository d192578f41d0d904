package io.atrium.order.mapper;

import io.atrium.order.dto.OrderLineResponse;
import io.atrium.order.dto.OrderResponse;
import io.atrium.order.dto.PlaceOrderRequest;
import io.atrium.order.service.RequestedLine;
import io.atrium.shared.api.MoneyBody;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderLine;
import java.util.List;

/** dto <-> domain for orders. */
public final class OrderMapper {
    private OrderMapper() {
    }

    public static List<RequestedLine> toLines(PlaceOrderRequest request) {
        return request.items().stream().map(item -> new RequestedLine(item.productId(), item.quantity())).toList();
    }

    public static OrderResponse toResponse(Order order) {
        return new OrderResponse(order.id(), order.status().name(),
                order.lines().stream().map(OrderMapper::toResponse).toList(),
                MoneyBody.of(order.total()), order.version(), order.createdAt().toString(), order.updatedAt().toString());
    }

    static OrderLineResponse toResponse(OrderLine line) {
        return new OrderLineResponse(line.productId(), line.sku(), line.name(), line.quantity(), MoneyBody.of(line.unitPrice()),
                MoneyBody.of(line.lineTotal()));
    }
}
