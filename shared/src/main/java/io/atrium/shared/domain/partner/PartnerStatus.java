package io.atrium.shared.domain.partner;

/** A partner is either doing business (ACTIVE) or paused (SUSPENDED). */
public enum PartnerStatus {
    ACTIVE,
    SUSPENDED
}
