package io.atrium.shared.domain.tenant;

import java.util.Locale;

/** A tenant's plan: it decides the rate and monthly quota of every API (usage plans per tier). */
public enum Tier {
    BASIC,
    STANDARD,
    PREMIUM;

    /** The name as the API, tokens and the authorizer context carry it: {@code basic}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
