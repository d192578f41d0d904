package io.atrium.shared.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** A tenant's plan: it decides the rate and monthly quota of every API (usage plans per tier). */
public enum Tier {
    BASIC,
    STANDARD,
    PREMIUM;

    /** The name as the API, tokens and the authorizer context carry it: {@code basic}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tier of a wire name ({@code basic|standard|premium}), if it is one. */
    public static Optional<Tier> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Tier tier : values()) {
            if (tier.wireName().equals(value)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
