package io.atrium.local.streams;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard of a stream in order through the Streams API, from where the event source starts (the shard's
 * trim horizon, or its latest record), following the shard iterator; an expired iterator is taken up again after
 * the last record read. Knows when a closed shard has been read to its end.
 */
final class ShardReader {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String shardId;
    private final String eventSourceArn;
    private final String region;
    private final boolean fromLatest;
    private String iterator;
    private String lastSequenceNumber;
    private boolean ended;

    ShardReader(DynamoDbStreamsClient streams, String streamArn, String shardId, boolean fromLatest, String eventSourceArn,
            String region) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.eventSourceArn = eventSourceArn;
        this.region = region;
        this.fromLatest = fromLatest;
        this.iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(fromLatest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON)).shardIterator();
        this.ended = iterator == null;
    }

    String shardId() {
        return shardId;
    }

    /** The stream's ARN as the function's event source names it. */
    String eventSourceArn() {
        return eventSourceArn;
    }

    /** The shard is closed and every record of it has been read. */
    boolean ended() {
        return ended;
    }

    /** Up to {@code limit} records after the last one read (none when nothing new arrived). */
    List<StreamItem> read(int limit) {
        if (ended) {
            return List.of();
        }
        GetRecordsResponse page;
        try {
            String current = iterator;
            page = streams.getRecords(r -> r.shardIterator(current).limit(Math.min(1000, Math.max(1, limit))));
        } catch (ExpiredIteratorException e) {
            iterator = resumed();
            return List.of();
        }
        List<StreamItem> items = new ArrayList<>(page.records().size());
        for (Record record : page.records()) {
            items.add(new StreamItem(record.dynamodb().sequenceNumber(), record.dynamodb().approximateCreationDateTime(),
                    StreamRecordJson.lambdaRecord(record, eventSourceArn, region)));
            lastSequenceNumber = record.dynamodb().sequenceNumber();
        }
        iterator = page.nextShardIterator();
        ended = iterator == null;
        return items;
    }

    private String resumed() {
        return streams.getShardIterator(r -> {
            r.streamArn(streamArn).shardId(shardId);
            if (lastSequenceNumber == null) {
                r.shardIteratorType(fromLatest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastSequenceNumber);
            }
        }).shardIterator();
    }
}
