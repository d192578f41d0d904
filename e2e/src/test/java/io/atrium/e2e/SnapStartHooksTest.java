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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * SnapStart's hooks as the local runtime runs them (ADR 0016): every function of every stack registers its hooks,
 * is checkpointed (primed) right after init and restored before its first invocation, and priming writes nothing:
 * after every function has been primed, every table is still empty.
 */
@LocalSystemTest(warmUp = true)
class SnapStartHooksTest {

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
