package io.atrium.shared.domain.order;

/**
 * PENDING when placed (stock reserved), CONFIRMED by the order worker, CANCELLED by the client from
 * either (stock released). CANCELLED is final.
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    public boolean isCancellable() {
        return this == PENDING || this == CONFIRMED;
    }
}
