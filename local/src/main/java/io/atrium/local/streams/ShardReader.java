package io.atrium.local.streams;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard of a stream in order through the Streams API, from where the event source starts (the shard's
 * trim horizon, or after its newest record), following the shard iterator; an iterator that expired or went stale is
 * taken up again after the last record read. Knows when a closed shard has been read to its end.
 */
final class ShardReader {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String shardId;
    private final String eventSourceArn;
    private final String region;
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
        // LATEST: after the newest record there is now (a position of our own, which a fresh iterator can take up)
        this.lastSequenceNumber = fromLatest ? newestSequenceNumber() : null;
        this.iterator = positioned();
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
            page = page(limit);
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            // DynamoDB Local numbers the records of all its streams in one sequence: an iterator an empty page left
            // goes stale ("trimmed") once other tables' records take the numbers after it. A fresh iterator from the
            // last record read reads on (as one would after a real iterator's 15 minutes).
            iterator = positioned();
            if (iterator == null) {
                ended = true;
                return List.of();
            }
            page = page(limit);
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

    private GetRecordsResponse page(int limit) {
        String current = iterator;
        return streams.getRecords(r -> r.shardIterator(current).limit(Math.min(1000, Math.max(1, limit))));
    }

    /** The sequence number of the shard's newest record now, or null when it has none. */
    private String newestSequenceNumber() {
        String newest = null;
        String at = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (at != null) {
            String current = at;
            GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
            if (page.records().isEmpty()) {
                break;
            }
            newest = page.records().get(page.records().size() - 1).dynamodb().sequenceNumber();
            at = page.nextShardIterator();
        }
        return newest;
    }

    /** An iterator after the last record read, or at the shard's start when none was. */
    private String positioned() {
        return streams.getShardIterator(r -> {
            r.streamArn(streamArn).shardId(shardId);
            if (lastSequenceNumber == null) {
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastSequenceNumber);
            }
        }).shardIterator();
    }
}
