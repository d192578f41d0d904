package io.atrium.order.service;

import io.atrium.shared.api.Ids;
import io.atrium.shared.domain.order.Order;

/** The order queue's message: a placed order for the worker to confirm (ADR 0403). */
public record PlacedOrder(String tenantId, String orderId) {

    public PlacedOrder {
        if (!Ids.isValid(tenantId) || !Ids.isValid(orderId)) {
            throw new IllegalArgumentException("a placed-order message needs a valid tenantId and orderId");
        }
    }

    public static PlacedOrder of(Order order) {
        return new PlacedOrder(order.tenantId(), order.id());
    }
}
