package io.atrium.local.streams;

/**
 * What a {@code DynamoDB} event of a function's template says about its event source mapping, checked and with
 * Lambda's defaults filled in.
 *
 * @param batchSize            records per invocation at most ({@code BatchSize}, default 100)
 * @param batchingWindowMs     how long to gather records before invoking with fewer than {@code batchSize}
 *                             ({@code MaximumBatchingWindowInSeconds}, default 0)
 * @param maxRetries           retries of a failing batch, -1 until the records expire ({@code MaximumRetryAttempts})
 * @param maxRecordAgeSeconds  records older than this are not invoked, -1 for no limit ({@code MaximumRecordAgeInSeconds})
 * @param bisect               split a failing batch in two ({@code BisectBatchOnFunctionError})
 * @param reportItemFailures   the function's partial batch response is read ({@code ReportBatchItemFailures})
 * @param fromLatest           {@code StartingPosition: LATEST} (else TRIM_HORIZON)
 */
public record MappingSettings(int batchSize, long batchingWindowMs, int maxRetries, int maxRecordAgeSeconds,
        boolean bisect, boolean reportItemFailures, boolean fromLatest) {

    /** Lambda's defaults with the given starting position. */
    public static MappingSettings defaults(boolean fromLatest) {
        return new MappingSettings(100, 0, -1, -1, false, false, fromLatest);
    }
}
