package io.atrium.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The checkpoint rules of {@link ShardBatches} against a consumer that fails its poison records (by throwing, or
 * by naming them in a partial batch response): whatever the batch size, retries and bisect, every record is
 * either handled or given up, once, in the shard's order; poison records are always given up; with bisect only
 * they are.
 */
class ShardBatchesProperties {

    @Property(tries = 500)
    void noRecordIsLostOrPassedTwice(@ForAll @IntRange(min = 1, max = 40) int count,
            @ForAll @IntRange(min = 1, max = 12) int batchSize, @ForAll @IntRange(min = 0, max = 3) int maxRetries,
            @ForAll boolean bisect, @ForAll boolean reportItemFailures, @ForAll boolean consumerThrows,
            @ForAll("poison") Set<Integer> poison) {
        boolean throwing = consumerThrows || !reportItemFailures;
        ShardBatches batches = new ShardBatches(new MappingSettings(batchSize, 0, maxRetries, -1, bisect, reportItemFailures,
                false));
        batches.add(IntStream.range(0, count).mapToObj(ShardBatchesProperties::item).toList());
        List<Integer> passed = new ArrayList<>();
        List<Integer> givenUp = new ArrayList<>();
        for (int step = 0; batches.waiting() > 0; step++) {
            assertTrue(step < 10_000, "the shard never drains");
            ShardBatches.Batch batch = batches.next();
            assertTrue(batch.records().size() <= batchSize);
            List<Integer> ids = batch.records().stream().map(i -> Integer.parseInt(i.sequenceNumber())).toList();
            int firstPoison = IntStream.range(0, ids.size()).filter(i -> poison.contains(ids.get(i))).findFirst().orElse(-1);
            InvocationOutcome outcome = firstPoison < 0 ? InvocationOutcome.SUCCESS
                    : throwing ? new InvocationOutcome(0, true) : new InvocationOutcome(firstPoison, false);
            passed.addAll(ids.subList(0, outcome.succeeded() ? ids.size() : outcome.failedFrom()));
            ShardBatches.Discarded discarded = batches.completed(outcome);
            if (discarded != null) {
                discarded.records().forEach(i -> givenUp.add(Integer.parseInt(i.sequenceNumber())));
            }
        }
        List<Integer> inOrder = new ArrayList<>(passed);
        inOrder.addAll(givenUp);
        assertEquals(IntStream.range(0, count).boxed().toList(), inOrder.stream().sorted().toList(), "each record once");
        assertTrue(givenUp.containsAll(poison.stream().filter(p -> p < count).toList()), "poison is given up");
        assertTrue(passed.stream().noneMatch(poison::contains), "poison never passes");
        if (bisect) {
            assertEquals(poison.stream().filter(p -> p < count).sorted().toList(), givenUp.stream().sorted().toList(),
                    "with bisect only the poison is given up");
        }
    }

    @Provide
    Arbitrary<Set<Integer>> poison() {
        return Arbitraries.integers().between(0, 39).set().ofMaxSize(5);
    }

    private static StreamItem item(int id) {
        return new StreamItem(Integer.toString(id), Instant.EPOCH, JsonNodeFactory.instance.objectNode());
    }
}
