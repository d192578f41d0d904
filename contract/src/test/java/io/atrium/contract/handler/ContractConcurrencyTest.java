package io.atrium.contract.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.testing.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Racing state changes through the real handlers and database: one winner, and the partner's counter stays exact. */
class ContractConcurrencyTest {
    private static ContractFixture api;
    private static Concurrently callers;

    @BeforeAll
    static void wire() {
        api = new ContractFixture("contract-concurrency");
        callers = new Concurrently(32);
    }

    @AfterAll
    static void stop() {
        callers.close();
    }

    @Test
    void thirtyTwoActivationsWithTheSameIfMatchActivateOnceAndCountOnce() throws Exception {
        String tenant = OwnedIds.newTenantId();
        String partnerId = api.partner(tenant);
        String id = api.createContract(tenant, partnerId, "EUR").get("id").textValue();

        List<Callable<Integer>> activations = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            activations.add(() -> api.activate(tenant, id, 1).getStatusCode());
        }
        List<Integer> statuses = callers.run(activations);

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(31, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        assertEquals(1, api.activeContracts(tenant, partnerId));
    }

    @Test
    void activationsAndTerminationsOfOnePartnersContractsKeepItsCounterExact() throws Exception {
        String tenant = OwnedIds.newTenantId();
        String partnerId = api.partner(tenant);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            JsonNode created = api.createContract(tenant, partnerId, "EUR");
            ids.add(created.get("id").textValue());
        }
        List<Callable<Integer>> activations = new ArrayList<>();
        ids.forEach(id -> activations.add(() -> api.activate(tenant, id, 1).getStatusCode()));
        assertEquals(List.of(200), callers.run(activations).stream().distinct().toList());
        assertEquals(16, api.activeContracts(tenant, partnerId));

        List<Callable<Integer>> terminations = new ArrayList<>();
        ids.subList(0, 10).forEach(id -> terminations.add(() -> api.terminate(tenant, id, 2).getStatusCode()));
        assertEquals(List.of(200), callers.run(terminations).stream().distinct().toList());
        assertEquals(6, api.activeContracts(tenant, partnerId));
    }
}
