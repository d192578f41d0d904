package io.atrium.order.dto;

import io.atrium.shared.api.Violations;
import io.atrium.shared.api.Validatable;
import io.atrium.shared.domain.order.OrderRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /orders}: {@code {"items": [{"productId", "quantity"}]}}. A product may appear on
 * one line only (ADR 0401), and an order has at most {@value OrderRepository#MAX_LINES} lines, since its
 * lines and the order itself are written in one DynamoDB transaction of at most 100 items.
 */
public record PlaceOrderRequest(List<OrderLineRequest> items) implements Validatable {
    public static final long MAX_QUANTITY = 1_000_000L;

    @Override
    public void validate(Violations violations) {
        if (!violations.required("items", items)) {
            return;
        }
        if (items.isEmpty()) {
            violations.add("items", "must have at least one entry");
            return;
        }
        if (items.size() > OrderRepository.MAX_LINES) {
            violations.add("items", "must have at most " + OrderRepository.MAX_LINES + " entries");
            return;
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "items[" + i + "]";
            OrderLineRequest line = items.get(i);
            if (!violations.required(field, line)) {
                continue;
            }
            if (violations.id(field + ".productId", line.productId())) {
                Integer first = firstLine.putIfAbsent(line.productId(), i);
                if (first != null) {
                    violations.add(field + ".productId", "repeats items[" + first + "]; put the whole quantity on one line");
                }
            }
            violations.range(field + ".quantity", line.quantity(), 1, MAX_QUANTITY);
        }
    }
}
