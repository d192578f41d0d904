package io.atrium.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerRepository;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PartnerServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");

    @Mock
    PartnerRepository partners;

    private PartnerService service() {
        return new PartnerService(partners, new Paginator(new PageTokens("unit-test-secret-123456")), new OwnedIds(null),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createStartsActiveAtVersionOneWithAFreshId() {
        when(partners.create(any())).thenAnswer(call -> call.getArgument(0));
        Partner created = service().create("t1", new PartnerDetails("Acme", "a@acme.test", "DE", null, null));
        assertEquals(PartnerStatus.ACTIVE, created.status());
        assertTrue(created.id().startsWith("par_"), created.id());
        assertEquals(1, created.version());
        assertEquals("t1", created.tenantId());
        assertEquals(Instant.parse("2026-11-21T10:15:30.123Z"), created.createdAt());
        assertEquals(0, created.activeContracts());
    }

    @Test
    void updateWithoutStatusKeepsTheCurrentOne() {
        Partner current = new Partner("t1", "p1", "Old", "o@acme.test", "DE", "X1", PartnerStatus.SUSPENDED, 3, 4,
                NOW.minusSeconds(60), NOW.minusSeconds(60));
        when(partners.find("t1", "p1")).thenReturn(Optional.of(current));
        when(partners.update(any(), eq(4L))).thenAnswer(call -> call.getArgument(0));

        Partner updated = service().update("t1", "p1", new PartnerDetails("New", "n@acme.test", "FR", null, null), 4);
        assertEquals(PartnerStatus.SUSPENDED, updated.status());
        assertEquals("New", updated.name());
        assertEquals(null, updated.taxId());
        assertEquals(3, updated.activeContracts());
        assertEquals(current.createdAt(), updated.createdAt());
    }

    @Test
    void aMissingPartnerIsNotFound() {
        when(partners.find("t1", "nope")).thenReturn(Optional.empty());
        assertThrows(NotFoundException.class, () -> service().get("t1", "nope"));
        assertThrows(NotFoundException.class,
                () -> service().update("t1", "nope", new PartnerDetails("N", "n@acme.test", "FR", null, null), 1));
    }
}
