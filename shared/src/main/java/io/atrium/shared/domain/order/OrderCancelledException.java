package io.atrium.shared.domain.order;

import io.atrium.shared.error.ConflictException;

/** The order is CANCELLED, which is final: cancelling it again (or confirming it) is a 409. */
public class OrderCancelledException extends ConflictException {
    public OrderCancelledException() {
        super("The order is already cancelled.");
    }
}
