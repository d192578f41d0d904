package io.atrium.order.dto;

/** Money as the API carries it: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string. */
public record MoneyDto(String amount, String currency) {
}
