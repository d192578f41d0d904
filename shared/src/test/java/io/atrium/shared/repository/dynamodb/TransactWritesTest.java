package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.error.UnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWrites: contention retried within a budget, failed conditions decoded per item. */
class TransactWritesTest {

    private static TransactionCanceledException cancelled(String... codes) {
        CancellationReason[] reasons = new CancellationReason[codes.length];
        for (int i = 0; i < codes.length; i++) {
            reasons[i] = CancellationReason.builder().code(codes[i]).build();
        }
        return TransactionCanceledException.builder().message("cancelled").cancellationReasons(reasons).build();
    }

    @Test
    void aTransactionCancelledOnlyByContentionIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result = TransactWrites.retry(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw cancelled("None", "TransactionConflict");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void lastingContentionIsA503AfterTheBudget() {
        AtomicInteger attempts = new AtomicInteger();
        UnavailableException busy = assertThrows(UnavailableException.class, () -> TransactWrites.retry(() -> {
            attempts.incrementAndGet();
            throw cancelled("TransactionConflict", "None");
        }));
        assertEquals(TransactWrites.MAX_ATTEMPTS, attempts.get());
        assertEquals(1, busy.retryAfterSeconds());
    }

    @Test
    void aFailedConditionIsNotRetriedButHandedBack() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionCanceledException refused = cancelled("None", "ConditionalCheckFailed");
        TransactionCanceledException thrown = assertThrows(TransactionCanceledException.class, () -> TransactWrites.retry(() -> {
            attempts.incrementAndGet();
            throw refused;
        }));
        assertSame(refused, thrown);
        assertEquals(1, attempts.get());
        TransactWrites.Cancellation cancellation = new TransactWrites.Cancellation(thrown.cancellationReasons());
        assertEquals(true, cancellation.failed(1));
        assertEquals(false, cancellation.failed(0));
        assertEquals(false, cancellation.failed(2));
        assertEquals(Optional.empty(), cancellation.itemAsItWas(1), "DynamoDB returned no item");
        assertEquals(false, cancellation.existed(1));
    }

    @Test
    void theItemAsItWasTellsWhetherItExisted() {
        TransactWrites.Cancellation cancellation = new TransactWrites.Cancellation(List.of(
                CancellationReason.builder().code("ConditionalCheckFailed").item(Map.of()).build(),
                CancellationReason.builder().code("ConditionalCheckFailed").item(Map.of("pk", AttributeValue.fromS("x"))).build()));
        assertEquals(Optional.of(Map.of()), cancellation.itemAsItWas(0));
        assertEquals(false, cancellation.existed(0));
        assertEquals(true, cancellation.existed(1));
        assertEquals(true, cancellation.anyConditionFailed());
    }
}
