package io.atrium.order.service;

import io.atrium.shared.domain.order.Order;

/**
 * The seam to the order worker (ADR 0402): told about every order once it is committed in PENDING. The
 * queue-backed implementation will send the order id to the SQS queue that the worker reads to move it to
 * CONFIRMED ({@link OrderService#confirm}); until then {@code LoggedOrderEvents} records it in the log.
 * The order is already stored when this runs, so a failure here must not fail the request: the service
 * logs it, and PENDING orders stay findable through the byStatus index for a sweep.
 */
public interface OrderEvents {
    void placed(Order order);
}
