package io.atrium.contract.service;

import io.atrium.shared.domain.Money;
import java.time.LocalDate;

/** What a client decides about a new contract. */
public record ContractDetails(String partnerId, String title, LocalDate startDate, LocalDate endDate, Money value) {
}
