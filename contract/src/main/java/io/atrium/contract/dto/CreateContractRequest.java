package io.atrium.contract.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.Money;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Body of {@code POST /contracts}: the only fields a client may set (status, balance and ids are the server's). */
public record CreateContractRequest(String partnerId, String title, String startDate, String endDate, Money value)
        implements Validatable {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Override
    public void validate(Violations violations) {
        violations.id("partnerId", partnerId);
        violations.text("title", title, 1, 200);
        LocalDate start = date(violations, "startDate", startDate);
        LocalDate end = date(violations, "endDate", endDate);
        if (start != null && end != null && !end.isAfter(start)) {
            violations.add("endDate", "must be after startDate");
        }
        violations.money("value", value, false);
    }

    private static LocalDate date(Violations violations, String field, String value) {
        if (!violations.required(field, value)) {
            return null;
        }
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        violations.add(field, "must be a date such as 2026-12-31");
        return null;
    }
}
