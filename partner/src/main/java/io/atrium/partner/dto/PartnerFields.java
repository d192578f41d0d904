package io.atrium.partner.dto;

import io.atrium.shared.api.Violations;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for a partner's fields, shared by create and update. */
final class PartnerFields {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern TAX_ID = Pattern.compile("[A-Za-z0-9 .-]{2,32}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PartnerFields() {
    }

    static void validate(Violations violations, String name, String email, String country, String taxId) {
        violations.text("name", name, 1, 200);
        if (violations.text("email", email, 3, 254)) {
            violations.matches("email", email, EMAIL, "must be an email address");
        }
        if (violations.required("country", country) && !COUNTRIES.contains(country)) {
            violations.add("country", "must be an ISO 3166 alpha-2 code such as DE");
        }
        if (taxId != null) {
            violations.matches("taxId", taxId, TAX_ID, "must be 2 to 32 letters, digits, spaces, '.' or '-'");
        }
    }
}
