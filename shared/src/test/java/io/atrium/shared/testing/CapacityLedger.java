package io.atrium.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DynamoDB capacity each route of a module consumes, one request each, counted by a {@link CapacityMeter}:
 * the test states the expected units (a change shows as a diff) and the ledger is written to
 * {@code target/capacity.tsv}, which {@code scripts/bench-cost} prices (docs/benchmarks/cost.md).
 */
public final class CapacityLedger {
    private final CapacityMeter meter;
    private final Map<String, CapacityMeter.Units> routes = new LinkedHashMap<>();

    public CapacityLedger(CapacityMeter meter) {
        this.meter = meter;
    }

    /**
     * Answers one request through {@code handler} and books what its DynamoDB calls consumed under its route
     * ({@code METHOD /resource}); it must succeed.
     */
    public ProxyResponseEvent measure(ApiHandler handler, ProxyRequestEvent event) {
        String route = event.getHttpMethod() + " " + event.getResource();
        meter.reset();
        ProxyResponseEvent answer = handler.respond(event, null);
        assertTrue(answer.getStatusCode() < 300, route + " answered " + answer.getStatusCode() + ": " + answer.getBody());
        routes.put(route, meter.reset());
        return answer;
    }

    /**
     * The booked routes must be {@code expected}: one line per route, {@code METHOD path  reads  writes} (read and
     * write request units, columns apart by two or more spaces), in booking order. Reads must match exactly; a
     * route's writes may be one unit below the stated figure, never above: an item's size moves by a few bytes with
     * the length of its timestamps ({@code Instant.toString} drops trailing zeros), which can cross a 1 KB unit.
     * Writes the ledger first.
     */
    public void assertConsumed(String expected) {
        write();
        List<String[]> lines = expected.strip().lines().map(l -> l.strip().split(" {2,}")).toList();
        assertEquals(lines.stream().map(l -> l[0]).toList(), List.copyOf(routes.keySet()), "routes booked");
        for (String[] line : lines) {
            CapacityMeter.Units units = routes.get(line[0]);
            double reads = Double.parseDouble(line[1]);
            double writes = Double.parseDouble(line[2]);
            String actual = String.format(Locale.ROOT, "%s  %.1f  %.1f", line[0], units.reads(), units.writes());
            assertEquals(reads, units.reads(), "read units of " + actual);
            assertTrue(units.writes() <= writes && units.writes() >= writes - 1, "write units of " + actual
                    + ": stated " + writes);
        }
    }

    private void write() {
        StringBuilder tsv = new StringBuilder();
        routes.forEach((route, units) -> tsv.append(route).append('\t').append(units.reads()).append('\t')
                .append(units.writes()).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/capacity.tsv"), tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
