package io.atrium.order.dto;

/** One line of {@code POST /orders}: which product and how many. There is no price: the catalog sets it. */
public record OrderLineRequest(String productId, Long quantity) {
}
