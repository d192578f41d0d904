package io.atrium.order.service;

import io.atrium.shared.domain.order.Order;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every order it is told about, so tests can see what the worker's queue would receive. */
public final class RecordingOrderEvents implements OrderEvents {
    private final List<Order> placed = new CopyOnWriteArrayList<>();

    @Override
    public void placed(Order order) {
        placed.add(order);
    }

    public List<Order> placed() {
        return List.copyOf(placed);
    }
}
