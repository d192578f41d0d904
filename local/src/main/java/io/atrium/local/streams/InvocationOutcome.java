package io.atrium.local.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.lambda.LocalFunction;
import java.util.List;

/**
 * What one invocation with a batch did, as Lambda's stream event source reads it: the whole batch succeeded, or
 * it failed from one record on (the function threw or timed out: from the first record; it answered a partial
 * batch response: from the lowest sequence number it named).
 *
 * @param failedFrom    index in the batch of the first record to process again, or -1 when all succeeded
 * @param functionError the function itself failed (threw, timed out, answered what is not a batch response)
 */
record InvocationOutcome(int failedFrom, boolean functionError) {

    static final InvocationOutcome SUCCESS = new InvocationOutcome(-1, false);

    boolean succeeded() {
        return failedFrom < 0;
    }

    /**
     * Reads {@code result}. Without {@code reportItemFailures} the answer is ignored. With it, a missing or empty
     * {@code batchItemFailures} is success, and an identifier that is empty, not text or not a sequence number of
     * the batch fails the whole batch, as in Lambda.
     */
    static InvocationOutcome of(LocalFunction.Result result, List<StreamItem> batch, boolean reportItemFailures) {
        if (!result.ok()) {
            return new InvocationOutcome(0, true);
        }
        JsonNode output = result.output();
        if (!reportItemFailures || output == null || output.isNull()) {
            return SUCCESS;
        }
        if (!output.isObject()) {
            return new InvocationOutcome(0, true);
        }
        JsonNode failures = output.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
            return SUCCESS;
        }
        if (!failures.isArray()) {
            return new InvocationOutcome(0, true);
        }
        int lowest = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            int index = id == null || !id.isTextual() ? -1 : indexOf(batch, id.textValue());
            if (index < 0) {
                return new InvocationOutcome(0, false);
            }
            lowest = Math.min(lowest, index);
        }
        return new InvocationOutcome(lowest, false);
    }

    private static int indexOf(List<StreamItem> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }
}
