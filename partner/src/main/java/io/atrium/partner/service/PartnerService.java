package io.atrium.partner.service;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerRepository;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.paging.Listing;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The partner rules; knows nothing of HTTP. */
public final class PartnerService {
    private final PartnerRepository partners;
    private final Paginator paginator;
    private final OwnedIds ids;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, Paginator paginator, OwnedIds ids, Clock clock) {
        this.partners = partners;
        this.paginator = paginator;
        this.ids = ids;
        this.clock = clock;
    }

    public Partner create(String tenantId, PartnerDetails details) {
        Instant now = now();
        PartnerStatus status = details.status() == null ? PartnerStatus.ACTIVE : details.status();
        // an owned id: a later 404 for another tenant can log whose partner it was (ADR 0202)
        Partner partner = new Partner(tenantId, ids.newId("par", tenantId), details.name(), details.email(), details.country(),
                details.taxId(), status, 0, 1, now, now);
        return partners.create(partner);
    }

    public Partner get(String tenantId, String partnerId) {
        return partners.find(tenantId, partnerId).orElseThrow(() -> NotFoundException.noSuch("partner"));
    }

    public Listing<Partner> list(String tenantId, Optional<PartnerStatus> status, int limit, Optional<String> nextToken) {
        String query = "partners?status=" + status.map(Enum::name).orElse("") + "&limit=" + limit;
        return paginator.page(tenantId, query, nextToken, startKey -> partners.list(tenantId, status, limit, startKey));
    }

    /** Replaces the details if the client saw the current version. */
    public Partner update(String tenantId, String partnerId, PartnerDetails details, long expectedVersion) {
        Partner current = get(tenantId, partnerId);
        PartnerStatus status = details.status() == null ? current.status() : details.status();
        Partner changed = current.withDetails(details.name(), details.email(), details.country(), details.taxId(), status, now());
        return partners.update(changed, expectedVersion);
    }

    /** Deletes the partner unless it has an active contract (409). */
    public void delete(String tenantId, String partnerId, long expectedVersion) {
        partners.delete(tenantId, partnerId, expectedVersion);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
