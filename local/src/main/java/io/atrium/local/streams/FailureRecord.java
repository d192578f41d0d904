package io.atrium.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The message Lambda sends to a DynamoDB event source's on-failure destination when it gives up records: not the
 * records, but where they are on the stream ({@code DDBStreamBatchInfo}: shard, first and last sequence number,
 * arrival times, count, stream ARN) and how the function failed ({@code requestContext}, {@code responseContext}).
 */
final class FailureRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureRecord() {
    }

    /** The destination message for {@code discarded} records of {@code shardId}. */
    static String json(ShardBatches.Discarded discarded, String shardId, String streamArn, String functionArn,
            String requestId, Instant now) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode request = out.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", discarded.condition());
        request.put("approximateInvokeCount", discarded.invokeCount());
        if (discarded.invokeCount() > 0) {
            ObjectNode response = out.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            if (discarded.functionError()) {
                response.put("functionError", "Unhandled");
            }
        }
        out.put("version", "1.0");
        out.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        List<StreamItem> records = discarded.records();
        ObjectNode info = out.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", records.get(0).sequenceNumber());
        info.put("endSequenceNumber", records.get(records.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", records.get(0).arrival().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("approximateArrivalOfLastRecord",
                records.get(records.size() - 1).arrival().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        return out.toString();
    }
}
