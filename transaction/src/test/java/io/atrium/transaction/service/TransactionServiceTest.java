package io.atrium.transaction.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractReader;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionRepository;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
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
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The transaction rules on their own: repositories are mocks, the clock is fixed. */
@ExtendWith(MockitoExtension.class)
class TransactionServiceTest {
    private static final Instant NOW = Instant.parse("2026-08-01T09:30:00.123456Z");

    @Mock
    TransactionRepository transactions;
    @Mock
    ContractReader contracts;

    private TransactionService service;

    @BeforeEach
    void service() {
        service = new TransactionService(transactions, contracts, new Paginator(new PageTokens("service-test-secret-0123456789")),
                new OwnedIds(null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void contract(ContractStatus status, String balance, String currency) {
        contract("t1", status, balance, currency);
    }

    private void contract(String tenantId, ContractStatus status, String balance, String currency) {
        when(contracts.find(tenantId, "c1")).thenReturn(Optional.of(new Contract(tenantId, "c1", "p1", "Support", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), Money.of("1000.00", currency), Money.of(balance, currency), status, 3, NOW, NOW)));
    }

    private static TransactionDetails details(TransactionType type, String amount, String currency) {
        return new TransactionDetails("c1", type, Money.of(amount, currency), "INV-1");
    }

    @Test
    void aChargeOnAnActiveContractIsRecordedWithAnOwnedIdAndTheTime() {
        // a keyed OwnedIds and a well-formed tenant id: only then is the id sealed with its owner (ADR 0202)
        String tenant = OwnedIds.newTenantId();
        OwnedIds ids = new OwnedIds("service-test-secret-0123456789");
        TransactionService owning = new TransactionService(transactions, contracts,
                new Paginator(new PageTokens("service-test-secret-0123456789")), ids, Clock.fixed(NOW, ZoneOffset.UTC));
        contract(tenant, ContractStatus.ACTIVE, "0.00", "EUR");
        when(transactions.record(any())).thenAnswer(invocation -> invocation.getArgument(0));

        Transaction recorded = owning.record(tenant, details(TransactionType.CHARGE, "12.50", "EUR"));
        assertTrue(recorded.id().startsWith("txn_"), recorded.id());
        assertEquals(Optional.of(tenant), ids.ownerOf(recorded.id()), recorded.id());
        assertEquals(Instant.parse("2026-08-01T09:30:00.123Z"), recorded.createdAt());
        assertEquals(new BigDecimal("12.50"), recorded.balanceChange());
        assertEquals(tenant, recorded.tenantId());
    }

    @Test
    void aRefundUpToTheBalanceIsAllowedOneCentMoreIsAConflict() {
        contract(ContractStatus.ACTIVE, "10.00", "EUR");
        when(transactions.record(any())).thenAnswer(invocation -> invocation.getArgument(0));
        assertEquals(new BigDecimal("-10.00"), service.record("t1", details(TransactionType.REFUND, "10.00", "EUR")).balanceChange());

        ConflictException refused = assertThrows(ConflictException.class, () -> service.record("t1", details(TransactionType.REFUND, "10.01", "EUR")));
        assertTrue(refused.detail().contains("below zero"), refused.detail());
    }

    @Test
    void onlyAnActiveContractInTheSameCurrencyTakesTransactions() {
        for (ContractStatus status : new ContractStatus[] {ContractStatus.DRAFT, ContractStatus.TERMINATED, ContractStatus.EXPIRED}) {
            contract(status, "50.00", "EUR");
            ConflictException refused = assertThrows(ConflictException.class, () -> service.record("t1", details(TransactionType.CHARGE, "1", "EUR")));
            assertTrue(refused.detail().contains(status.name()), refused.detail());
        }
        contract(ContractStatus.ACTIVE, "50.00", "EUR");
        ConflictException currency = assertThrows(ConflictException.class, () -> service.record("t1", details(TransactionType.CHARGE, "1", "USD")));
        assertTrue(currency.detail().contains("EUR"), currency.detail());
        verify(transactions, never()).record(any());
    }

    @Test
    void anUnknownContractIs404NamingTheReference() {
        when(contracts.find("t1", "c1")).thenReturn(Optional.empty());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> service.record("t1", details(TransactionType.CHARGE, "1", "EUR")));
        assertEquals("c1", missing.resourceId());
        assertTrue(missing.detail().startsWith("contractId"), missing.detail());
        assertThrows(NotFoundException.class, () -> service.listByContract("t1", "c1", 10, Optional.empty()));
        verify(transactions, never()).record(any());
        verify(transactions, never()).listByContract(anyString(), anyString(), anyInt(), anyMap());
    }

    @Test
    void theRepositorysAtomicRefusalReachesTheCaller() {
        // the balance was enough when read, but a concurrent refund took it first
        contract(ContractStatus.ACTIVE, "10.00", "EUR");
        when(transactions.record(any())).thenThrow(new ConflictException("The refund is larger than the contract's balance."));
        assertThrows(ConflictException.class, () -> service.record("t1", details(TransactionType.REFUND, "10.00", "EUR")));
    }
}
