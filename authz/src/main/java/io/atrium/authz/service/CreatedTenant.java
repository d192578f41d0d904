package io.atrium.authz.service;

import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Tenant;

/** A new tenant with its first client and that client's secret (shown once). */
public record CreatedTenant(Tenant tenant, Client client, String clientSecret) {
    @Override
    public String toString() {
        return "CreatedTenant[tenant=" + tenant + ", client=" + client + ", clientSecret=***]";
    }
}
