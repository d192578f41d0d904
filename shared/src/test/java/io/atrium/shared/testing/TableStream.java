package io.atrium.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.streams.StreamRecordJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's stream, read from DynamoDB Local's Streams API the way Lambda's event source mapping reads it
 * (every shard from its start), and written as the {@code Records} of the event Lambda hands a stream consumer
 * (the local runtime's own {@link StreamRecordJson}). Each {@link #next()} returns only the records that arrived
 * since the previous one.
 */
public final class TableStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    private TableStream(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    /** The stream of a table on the test JVM's DynamoDB Local. */
    public static TableStream of(TestTables tables, String logicalId) {
        String streamArn = tables.client().describeTable(r -> r.tableName(tables.name(logicalId))).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalArgumentException(logicalId + " has no stream in shared/template.yaml");
        }
        return new TableStream(DynamoDbLocal.newStreamsClient(DynamoDbLocal.shared().endpoint()), streamArn);
    }

    /** The records written since the last call, in each shard's order, as Lambda's event records. */
    public List<JsonNode> next() {
        List<JsonNode> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r.streamArn(streamArn)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                page.records().forEach(record -> records.add(StreamRecordJson.lambdaRecord(record, streamArn, "us-east-1")));
                iterator = page.nextShardIterator();
                iterators.put(shard.shardId(), iterator);
                if (page.records().isEmpty()) {
                    break;
                }
            }
        }
        return records;
    }

    /** The event Lambda would hand the consumer for these records. */
    public static String event(List<JsonNode> records) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(records);
        return event.toString();
    }

    /** An item as DynamoDB JSON ({@code {"pk": {"S": "..."}}}), as stream events carry it. */
    public static ObjectNode item(Map<String, AttributeValue> item) {
        return StreamRecordJson.item(item);
    }

    @Override
    public void close() {
        streams.close();
    }
}
