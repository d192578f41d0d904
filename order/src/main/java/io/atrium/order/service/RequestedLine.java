package io.atrium.order.service;

/** What a client asks for on one line: a product of its catalog and a quantity. */
public record RequestedLine(String productId, long quantity) {
}
