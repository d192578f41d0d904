package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.lambda.SnapshotHooks;
import io.atrium.local.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * SnapStart's hooks as the local runtime runs them (ADR 0016): every function of every stack registers its hooks,
 * is checkpointed (primed) right after init and restored before its first invocation, and priming writes nothing:
 * after every function has been primed, every table is still empty, and priming again with data in every table
 * leaves each table as it was.
 */
@LocalSystemTest(warmUp = true)
class SnapStartHooksTest {
    /** shared's {@code PrimingIds} (this module sees no class of shared). */
    private static final String PRIMING_TENANT = "ten_SnapStartPrimingOwnsNothing";
    private static final String PRIMING_ID = "snapstart_priming_no_such_item";

    @Test
    void everyFunctionIsPrimedBeforeItsSnapshotAndPrimingWritesNothing(LocalSystem system) {
        Map<String, SnapshotHooks.State> states = new TreeMap<>();
        for (LocalStack stack : system.runtime().stacks()) {
            for (LocalFunction function : stack.functions().values()) {
                assertNull(function.warmUp(), function.name() + " initialises and primes");
                states.put(function.name(), function.snapshotState());
            }
        }
        assertFalse(states.isEmpty());
        states.forEach((name, state) -> {
            assertTrue(state.resources() >= 1, name + " registers its hooks: " + state);
            assertTrue(state.checkpointed(), name + " is checkpointed at init: " + state);
        });
        for (LocalStack stack : system.runtime().stacks()) {
            stack.tables().forEach((logicalId, table) -> assertEquals(0, system.dynamoDb().scan(ScanRequest.builder()
                    .tableName(table).select(Select.COUNT).consistentRead(true).build()).count(),
                    logicalId + " is empty after every function was primed"));
        }
    }

    /**
     * Priming with data in every table (as a publish of a new version finds it): every function's checkpoint hooks run
     * again and every table holds exactly what it held before, item for item (writes are refused while priming).
     */
    @Test
    void primingLeavesEveryTableAsItWas(LocalSystem system) {
        Set<String> tables = new TreeSet<>();
        system.runtime().stacks().forEach(stack -> tables.addAll(stack.tables().values()));
        Map<String, List<Map<String, AttributeValue>>> seeded = new TreeMap<>();
        for (String table : tables) {
            seeded.computeIfAbsent(table, t -> new ArrayList<>()).add(Map.of(
                    "pk", AttributeValue.fromS("TENANT#ten_SnapStartHooksTest#ITEM#" + table),
                    "version", AttributeValue.fromN("1"), "name", AttributeValue.fromS("kept as it is")));
        }
        // the contract and the product the transaction's and the order's primers write to, as if they existed and
        // could take the write: only the refusal keeps them as they are
        seedAt(system, seeded, "ContractTable", primingContract());
        seedAt(system, seeded, "ProductTable", primingProduct());
        seeded.forEach((table, items) -> items.forEach(item -> system.dynamoDb().putItem(p -> p.tableName(table).item(item))));
        try {
            Map<String, Set<Map<String, AttributeValue>>> before = contents(system, tables);
            for (LocalStack stack : system.runtime().stacks()) {
                for (LocalFunction function : stack.functions().values()) {
                    assertNull(function.checkpointAgain(), function.name() + " primes again");
                }
            }
            assertEquals(before, contents(system, tables));
        } finally {
            seeded.forEach((table, items) -> items.forEach(item ->
                    system.dynamoDb().deleteItem(d -> d.tableName(table).key(Map.of("pk", item.get("pk"))))));
        }
    }

    private static void seedAt(LocalSystem system, Map<String, List<Map<String, AttributeValue>>> seeded, String logicalId,
                               Map<String, AttributeValue> item) {
        String table = system.runtime().stacks().stream().map(stack -> stack.tables().get(logicalId))
                .filter(t -> t != null).findFirst().orElseThrow();
        seeded.get(table).add(item);
    }

    /** A product with stock at 1.00 EUR under the priming ids: the product a primed order names. */
    private static Map<String, AttributeValue> primingProduct() {
        Map<String, AttributeValue> item = new TreeMap<>();
        item.put("pk", AttributeValue.fromS("TENANT#" + PRIMING_TENANT + "#PRODUCT#" + PRIMING_ID));
        item.put("tenantId", AttributeValue.fromS(PRIMING_TENANT));
        item.put("productId", AttributeValue.fromS(PRIMING_ID));
        item.put("sku", AttributeValue.fromS("PRIMING-1"));
        item.put("name", AttributeValue.fromS("kept as it is"));
        item.put("priceAmount", AttributeValue.fromN("1.00"));
        item.put("priceCurrency", AttributeValue.fromS("EUR"));
        item.put("stock", AttributeValue.fromN("10"));
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        return item;
    }

    /**
     * An ACTIVE contract in EUR under the ids of shared's {@code PrimingIds} (the priming tenant, the id no item has):
     * the contract a primed transaction names.
     */
    private static Map<String, AttributeValue> primingContract() {
        Map<String, AttributeValue> item = new TreeMap<>();
        item.put("pk", AttributeValue.fromS("TENANT#" + PRIMING_TENANT + "#CONTRACT#" + PRIMING_ID));
        item.put("tenantId", AttributeValue.fromS(PRIMING_TENANT));
        item.put("contractId", AttributeValue.fromS(PRIMING_ID));
        item.put("partnerId", AttributeValue.fromS(PRIMING_ID));
        item.put("title", AttributeValue.fromS("kept as it is"));
        item.put("startDate", AttributeValue.fromS("2026-01-01"));
        item.put("endDate", AttributeValue.fromS("2099-12-31"));
        item.put("valueAmount", AttributeValue.fromN("1000.00"));
        item.put("balance", AttributeValue.fromN("10.00"));
        item.put("currency", AttributeValue.fromS("EUR"));
        item.put("status", AttributeValue.fromS("ACTIVE"));
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        return item;
    }

    private static Map<String, Set<Map<String, AttributeValue>>> contents(LocalSystem system, Set<String> tables) {
        Map<String, Set<Map<String, AttributeValue>>> contents = new TreeMap<>();
        tables.forEach(table -> contents.put(table, new HashSet<>(system.dynamoDb().scan(ScanRequest.builder()
                .tableName(table).consistentRead(true).build()).items())));
        return contents;
    }

    @Test
    void theFirstInvocationRunsTheRestoreHooksFirst(LocalSystem system) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.baseUrl("partner") + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, health.statusCode(), health.body());
        LocalFunction function = system.runtime().stacks().stream().filter(s -> s.definition().name().equals("partner"))
                .map(s -> s.functions().get("HealthFunction")).findFirst().orElseThrow();
        SnapshotHooks.State state = function.snapshotState();
        assertTrue(state.checkpointed() && state.restored(), function.name() + ": " + state);
    }
}
