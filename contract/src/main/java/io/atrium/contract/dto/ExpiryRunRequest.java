package io.atrium.contract.dto;

/** The expiry schedule's input: {@code {}} for today (UTC), or {@code {"asOf": "YYYY-MM-DD"}} to replay a day. */
public record ExpiryRunRequest(String asOf) {
}
