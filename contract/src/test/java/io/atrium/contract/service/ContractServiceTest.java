package io.atrium.contract.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractRepository;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.PartnerRepository;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The contract rules on their own: repositories are mocks, the clock is fixed. */
@ExtendWith(MockitoExtension.class)
class ContractServiceTest {
    private static final Instant NOW = Instant.parse("2026-07-15T12:00:00Z");

    @Mock
    ContractRepository contracts;
    @Mock
    PartnerRepository partners;

    private ContractService service;

    @BeforeEach
    void service() {
        service = new ContractService(contracts, partners, new Paginator(new PageTokens("service-test-secret-0123456789")),
                new OwnedIds(null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Contract contract(ContractStatus status, long version, String endDate) {
        return new Contract("t1", "c1", "p1", "Support", LocalDate.parse("2026-01-01"), LocalDate.parse(endDate),
                Money.of("100.00", "EUR"), Money.of("0.00", "EUR"), status, version, NOW, NOW);
    }

    @Test
    void createMakesADraftWithAZeroBalanceInTheValuesCurrency() {
        when(contracts.create(any())).thenAnswer(invocation -> invocation.getArgument(0));
        Contract created = service.create("t1", new ContractDetails("p1", "Support", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), Money.of("5000", "JPY")));

        assertEquals(ContractStatus.DRAFT, created.status());
        assertEquals(1, created.version());
        assertEquals(new Money(new BigDecimal("0"), "JPY"), created.balance());
        assertEquals("t1", created.tenantId());
        assertTrue(created.id().startsWith("con_"), created.id());
        assertEquals(NOW, created.createdAt());
    }

    @Test
    void activationMovesADraftThroughTheRepository() {
        Contract draft = contract(ContractStatus.DRAFT, 1, "2026-12-31");
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(draft));
        when(contracts.move(draft, ContractStatus.ACTIVE, NOW)).thenReturn(draft.movedTo(ContractStatus.ACTIVE, NOW));

        Contract active = service.activate("t1", "c1", 1);
        assertEquals(ContractStatus.ACTIVE, active.status());
        assertEquals(2, active.version());
    }

    @ParameterizedTest(name = "{0} -> {1} is a conflict")
    @CsvSource({"DRAFT, TERMINATED", "ACTIVE, ACTIVE", "TERMINATED, ACTIVE", "TERMINATED, TERMINATED", "EXPIRED, ACTIVE", "EXPIRED, TERMINATED"})
    void everyOtherMoveIsAConflictAndWritesNothing(ContractStatus from, ContractStatus to) {
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(contract(from, 4, "2026-12-31")));
        assertThrows(ConflictException.class, () -> {
            if (to == ContractStatus.ACTIVE) {
                service.activate("t1", "c1", 4);
            } else {
                service.terminate("t1", "c1", 4);
            }
        });
        verify(contracts, never()).move(any(), any(), any());
    }

    @Test
    void aStaleVersionIs412BeforeTheStateIsJudged() {
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(contract(ContractStatus.TERMINATED, 3, "2026-12-31")));
        assertThrows(PreconditionFailedException.class, () -> service.activate("t1", "c1", 2));
        verify(contracts, never()).move(any(), any(), any());
    }

    @Test
    void anUnknownContractIs404() {
        when(contracts.find("t1", "nope")).thenReturn(Optional.empty());
        assertThrows(NotFoundException.class, () -> service.terminate("t1", "nope", 1));
        assertThrows(NotFoundException.class, () -> service.get("t1", "nope"));
    }

    @Test
    void aContractWhoseEndDateHasPassedCannotBeActivated() {
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(contract(ContractStatus.DRAFT, 1, "2026-07-14")));
        ConflictException refused = assertThrows(ConflictException.class, () -> service.activate("t1", "c1", 1));
        assertTrue(refused.detail().contains("2026-07-14"), refused.detail());
        verify(contracts, never()).move(any(), any(), any());
    }

    @Test
    void onlyEndedActiveContractsExpire() {
        Contract ended = contract(ContractStatus.ACTIVE, 2, "2026-07-14");
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(ended));
        when(contracts.move(ended, ContractStatus.EXPIRED, NOW)).thenReturn(ended.movedTo(ContractStatus.EXPIRED, NOW));
        assertEquals(ContractService.Expiry.EXPIRED, service.expire("t1", "c1"));

        when(contracts.find("t1", "c2")).thenReturn(Optional.of(contract(ContractStatus.ACTIVE, 2, "2026-07-15")));
        assertEquals(ContractService.Expiry.NOT_ENDED, service.expire("t1", "c2"), "runs through its end date");
        when(contracts.find("t1", "c3")).thenReturn(Optional.of(contract(ContractStatus.DRAFT, 1, "2026-01-02")));
        assertEquals(ContractService.Expiry.NOT_ACTIVE, service.expire("t1", "c3"), "a draft never expires");
        when(contracts.find("t1", "c4")).thenReturn(Optional.of(contract(ContractStatus.EXPIRED, 3, "2026-01-02")));
        assertEquals(ContractService.Expiry.NOT_ACTIVE, service.expire("t1", "c4"), "a second run");
        verify(contracts).move(any(), any(), any());
        when(contracts.find("t1", "nope")).thenReturn(Optional.empty());
        assertThrows(NotFoundException.class, () -> service.expire("t1", "nope"));
    }

    @Test
    void anExpiryWhoseVersionMovedReadsAgainAndGivesWayToATerminate() {
        Contract read = contract(ContractStatus.ACTIVE, 2, "2026-07-01");
        Contract charged = contract(ContractStatus.ACTIVE, 3, "2026-07-01");
        when(contracts.find("t1", "c1")).thenReturn(Optional.of(read), Optional.of(charged));
        when(contracts.move(read, ContractStatus.EXPIRED, NOW)).thenThrow(new PreconditionFailedException("moved"));
        when(contracts.move(charged, ContractStatus.EXPIRED, NOW)).thenReturn(charged.movedTo(ContractStatus.EXPIRED, NOW));
        assertEquals(ContractService.Expiry.EXPIRED, service.expire("t1", "c1"), "a charge bumped the version in between");

        Contract active = contract(ContractStatus.ACTIVE, 2, "2026-07-02");
        when(contracts.find("t1", "c2")).thenReturn(Optional.of(active), Optional.of(contract(ContractStatus.TERMINATED, 3, "2026-07-02")));
        when(contracts.move(active, ContractStatus.EXPIRED, NOW)).thenThrow(new PreconditionFailedException("moved"));
        assertEquals(ContractService.Expiry.NOT_ACTIVE, service.expire("t1", "c2"), "the client terminated it in between");
    }

    @Test
    void listingByAnUnknownPartnerIs404NamingTheId() {
        when(partners.find("t1", "p9")).thenReturn(Optional.empty());
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> service.list("t1", new ContractQuery(Optional.of("p9"), Optional.empty()), 10, Optional.empty()));
        assertEquals("p9", missing.resourceId());
        verify(contracts, never()).list(any(), any(), anyInt(), anyMap());
    }

    @Test
    void listingBindsTheTokenToTheQuery() {
        ArgumentCaptor<ContractQuery> query = ArgumentCaptor.forClass(ContractQuery.class);
        when(contracts.list(eq("t1"), query.capture(), eq(5), anyMap()))
                .thenReturn(new io.atrium.shared.paging.Page<>(java.util.List.of(), java.util.Map.of("pk", "TENANT#t1#CONTRACT#c1")));
        var page = service.list("t1", new ContractQuery(Optional.empty(), Optional.of(ContractStatus.ACTIVE)), 5, Optional.empty());
        assertTrue(page.nextToken().isPresent());
        assertEquals(Optional.of(ContractStatus.ACTIVE), query.getValue().status());
        // the same token on another query does not open
        assertThrows(io.atrium.shared.error.ValidationException.class,
                () -> service.list("t1", ContractQuery.all(), 5, page.nextToken()));
    }
}
