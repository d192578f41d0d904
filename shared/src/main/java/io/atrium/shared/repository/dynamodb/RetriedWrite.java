package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.aws.LostAnswers;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The SDK retries a write whose answer was lost (attempt timeout, dropped connection). When the lost attempt was
 * applied, the retry's condition fails on the write's own result. A versioned update ({@code version = :expected},
 * {@code version + 1}, {@code updatedAt = :updatedAt}) recognises its result by the next version carrying its own
 * update time, which no other writer's update has (times are to the nanosecond and versions move one at a time); a
 * create recognises exactly the item it put (its id is new and random). A delete leaves nothing to recognise: when an
 * earlier attempt of it got no answer ({@link LostAnswers}) and the retry finds no item, the item is gone as the
 * delete asked, whoever removed it, and the delete succeeded.
 * Transactions need none of this: the SDK gives each its idempotency token, so a retried one is applied once.
 */
final class RetriedWrite {

    private RetriedWrite() {
    }

    /** Whether the item a create's failed {@code attribute_not_exists} returned ({@code ALL_OLD}) is exactly what it put. */
    static boolean foundOwnPut(ConditionalCheckFailedException refused, Map<String, AttributeValue> put) {
        return refused.hasItem() && put.equals(refused.item());
    }

    /** Whether the item the failed condition returned ({@code ALL_OLD}) is this update's own result. */
    static boolean foundOwnUpdate(ConditionalCheckFailedException refused, long expectedVersion, Instant updatedAt) {
        if (!refused.hasItem()) {
            return false;
        }
        Map<String, AttributeValue> found = refused.item();
        AttributeValue version = found.get("version");
        AttributeValue at = found.get("updatedAt");
        return version != null && at != null && Long.toString(expectedVersion + 1).equals(version.n())
                && updatedAt.toString().equals(at.s());
    }

    /** Whether a conditional delete's failure is its own lost attempt having removed the item already. */
    static boolean foundOwnDelete(ConditionalCheckFailedException refused) {
        return (!refused.hasItem() || refused.item().isEmpty()) && LostAnswers.anAttemptWasLost(refused);
    }
}
