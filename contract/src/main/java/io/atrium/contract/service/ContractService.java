package io.atrium.contract.service;

import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractRepository;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.partner.PartnerRepository;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Listing;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The contract rules; knows nothing of HTTP. States: DRAFT -> ACTIVE -> TERMINATED by the client,
 * ACTIVE -> EXPIRED only by the daily schedule ({@link #expire}); any other move is a conflict.
 */
public final class ContractService {
    /** How often an expiry reads the contract again when its version moved between the read and the write. */
    static final int EXPIRY_ATTEMPTS = 3;

    private final ContractRepository contracts;
    private final PartnerRepository partners;
    private final Paginator paginator;
    private final OwnedIds ids;
    private final Clock clock;

    public ContractService(ContractRepository contracts, PartnerRepository partners, Paginator paginator, OwnedIds ids, Clock clock) {
        this.contracts = contracts;
        this.partners = partners;
        this.paginator = paginator;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new DRAFT contract with a zero balance; the partner must exist in the tenant (checked in the same write). */
    public Contract create(String tenantId, ContractDetails details) {
        Instant now = now();
        Contract contract = new Contract(tenantId, ids.newId("con", tenantId), details.partnerId(), details.title(),
                details.startDate(), details.endDate(), details.value(),
                Money.zero(details.value().currency()),
                ContractStatus.DRAFT, 1, now, now);
        return contracts.create(contract);
    }

    public Contract get(String tenantId, String contractId) {
        return contracts.find(tenantId, contractId).orElseThrow(() -> NotFoundException.noSuch("contract"));
    }

    /** Newest first, optionally of one partner (which must exist in the tenant) and/or in one status. */
    public Listing<Contract> list(String tenantId, ContractQuery query, int limit, Optional<String> nextToken) {
        query.partnerId().ifPresent(partnerId -> {
            if (partners.find(tenantId, partnerId).isEmpty()) {
                throw new NotFoundException("partnerId: no partner " + partnerId + " exists.", partnerId);
            }
        });
        return paginator.page(tenantId, query.describe() + "&limit=" + limit, nextToken,
                startKey -> contracts.list(tenantId, query, limit, startKey));
    }

    /** DRAFT -> ACTIVE, counting the contract on its partner; a contract whose end date has passed cannot start. */
    public Contract activate(String tenantId, String contractId, long expectedVersion) {
        Contract current = current(tenantId, contractId, expectedVersion, ContractStatus.ACTIVE);
        if (current.endDate().isBefore(today())) {
            throw new ConflictException("The contract ended on " + current.endDate() + "; it can no longer be activated.");
        }
        return contracts.move(current, ContractStatus.ACTIVE, now());
    }

    /** ACTIVE -> TERMINATED, taking the contract off its partner's count. */
    public Contract terminate(String tenantId, String contractId, long expectedVersion) {
        return contracts.move(current(tenantId, contractId, expectedVersion, ContractStatus.TERMINATED), ContractStatus.TERMINATED, now());
    }

    /** What the expiry worker found for one due contract. */
    public enum Expiry {
        /** It was ACTIVE past its end date and is EXPIRED now. */
        EXPIRED,
        /** It is no longer ACTIVE: an earlier run expired it, or the client terminated it. Nothing to do. */
        NOT_ACTIVE,
        /** It runs through its end date, which has not passed yet (a replay for a later day). Nothing to do. */
        NOT_ENDED
    }

    /**
     * ACTIVE -> EXPIRED once the end date has passed (a contract runs through its end date): only the daily
     * schedule's worker calls this (no route does). It reads the current version itself, since no client sent
     * one, and moves with the same conditional write as a terminate, so of a concurrent terminate and expiry
     * exactly one wins and the partner's counter drops once. A version that moved in between (a charge landed)
     * is read again.
     * @throws NotFoundException when the tenant has no such contract
     */
    public Expiry expire(String tenantId, String contractId) {
        for (int attempt = 1; ; attempt++) {
            Contract current = get(tenantId, contractId);
            if (current.status() != ContractStatus.ACTIVE) {
                return Expiry.NOT_ACTIVE;
            }
            if (!current.endDate().isBefore(today())) {
                return Expiry.NOT_ENDED;
            }
            try {
                contracts.move(current, ContractStatus.EXPIRED, now());
                return Expiry.EXPIRED;
            } catch (PreconditionFailedException changed) {
                if (attempt == EXPIRY_ATTEMPTS) {
                    throw changed;
                }
            }
        }
    }

    /** The contract if the client saw its current version (412 otherwise) and it may move to {@code next} (409 otherwise). */
    private Contract current(String tenantId, String contractId, long expectedVersion, ContractStatus next) {
        Contract current = get(tenantId, contractId);
        if (current.version() != expectedVersion) {
            throw PreconditionFailedException.versionMoved("contract");
        }
        requireMove(current, next);
        return current;
    }

    private static void requireMove(Contract current, ContractStatus next) {
        if (!current.status().canMoveTo(next)) {
            throw new ConflictException("A " + current.status() + " contract cannot become " + next
                    + "; contracts go DRAFT -> ACTIVE -> TERMINATED, or expire after their end date.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
