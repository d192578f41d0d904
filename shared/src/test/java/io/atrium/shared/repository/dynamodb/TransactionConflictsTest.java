package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.error.UnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionConflictsTest {

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
        String result = TransactionConflicts.retry(() -> {
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
        UnavailableException busy = assertThrows(UnavailableException.class, () -> TransactionConflicts.retry(() -> {
            attempts.incrementAndGet();
            throw cancelled("TransactionConflict", "None");
        }));
        assertEquals(TransactionConflicts.MAX_ATTEMPTS, attempts.get());
        assertEquals(1, busy.retryAfterSeconds());
    }

    @Test
    void aFailedConditionIsNotRetriedButHandedBack() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionCanceledException refused = cancelled("None", "ConditionalCheckFailed");
        TransactionCanceledException thrown = assertThrows(TransactionCanceledException.class, () -> TransactionConflicts.retry(() -> {
            attempts.incrementAndGet();
            throw refused;
        }));
        assertSame(refused, thrown);
        assertEquals(1, attempts.get());
        assertEquals(true, TransactionConflicts.conditionFailed(thrown, 1));
        assertEquals(false, TransactionConflicts.conditionFailed(thrown, 0));
    }
}
