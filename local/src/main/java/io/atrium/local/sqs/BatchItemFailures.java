package io.atrium.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a function that reports batch item failures answered, read as Lambda reads it: the ids to deliver again.
 * No answer, a null or empty {@code batchItemFailures} is success; an entry whose {@code itemIdentifier} is
 * missing, empty or not in the batch fails the whole batch.
 */
final class BatchItemFailures {

    private BatchItemFailures() {
    }

    /** The message ids to keep in the queue, or null when the answer fails the whole batch. */
    static Set<String> of(JsonNode answer, Set<String> batchIds) {
        Set<String> failed = new LinkedHashSet<>();
        JsonNode list = answer == null || !answer.isObject() ? null : answer.get("batchItemFailures");
        if (list == null || list.isNull()) {
            return failed;
        }
        if (!list.isArray()) {
            return null;
        }
        for (JsonNode item : list) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || !id.isTextual() || !batchIds.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }
}
