package io.atrium.shared.events;

import java.util.List;

/**
 * AWS's partial batch response ({@code ReportBatchItemFailures}): the items to deliver again, by SQS message
 * id or stream sequence number. An empty list means the whole batch succeeded.
 */
public record BatchResponse(List<ItemFailure> batchItemFailures) {

    public BatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    public record ItemFailure(String itemIdentifier) {
    }
}
