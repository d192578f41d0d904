package io.atrium.shared.events;

import java.util.List;

/**
 * A function fed by a DynamoDB stream ({@code ReportBatchItemFailures}). A failed record is named by its
 * sequence number; Lambda then delivers the shard again from the lowest one named, so every record after it
 * comes again too, and handling a record must be idempotent (it is, everywhere here).
 */
public abstract class StreamWorker extends BatchHandler<StreamEvent, StreamEvent.StreamRecord> {

    protected StreamWorker(String service, String operation) {
        super(service, operation, StreamEvent.class);
    }

    @Override
    protected final List<StreamEvent.StreamRecord> items(StreamEvent event) {
        return event.records();
    }

    @Override
    protected final String identifier(StreamEvent.StreamRecord record) {
        return record.sequenceNumber();
    }
}
