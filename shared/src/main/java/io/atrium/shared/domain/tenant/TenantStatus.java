package io.atrium.shared.domain.tenant;

/** A SUSPENDED tenant's clients get no tokens and every API refuses its existing tokens (401). */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
