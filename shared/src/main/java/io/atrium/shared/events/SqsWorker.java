package io.atrium.shared.events;

import java.util.List;

/** A function fed by an SQS queue ({@code ReportBatchItemFailures}): each message is handled, and fails, on its own. */
public abstract class SqsWorker extends BatchHandler<SqsEvent, SqsEvent.Message> {

    protected SqsWorker(String service, String operation) {
        super(service, operation, SqsEvent.class);
    }

    @Override
    protected final List<SqsEvent.Message> items(SqsEvent event) {
        return event.records();
    }

    @Override
    protected final String identifier(SqsEvent.Message message) {
        return message.messageId();
    }

    /** A message's work continues its sender's trace (ADR 0012). */
    @Override
    protected final String traceHeader(SqsEvent.Message message) {
        return message.traceHeader();
    }
}
