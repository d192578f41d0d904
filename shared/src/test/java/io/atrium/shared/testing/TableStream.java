package io.atrium.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.dynamodb.DynamoDbLocal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's stream, read from DynamoDB Local's Streams API the way Lambda's event source mapping reads it
 * (every shard from its start), and written as the {@code Records} of the event Lambda hands a stream consumer.
 * Each {@link #next()} returns only the records that arrived since the previous one.
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
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(DynamoDbLocal.shared().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new TableStream(streams, streamArn);
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
                page.records().forEach(record -> records.add(lambdaRecord(record)));
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

    private JsonNode lambdaRecord(Record record) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventID", record.eventID());
        out.put("eventName", record.eventNameAsString());
        out.put("eventVersion", record.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", "us-east-1");
        ObjectNode change = out.putObject("dynamodb");
        change.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        change.set("Keys", item(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            change.set("NewImage", item(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            change.set("OldImage", item(record.dynamodb().oldImage()));
        }
        change.put("SequenceNumber", record.dynamodb().sequenceNumber());
        change.put("SizeBytes", record.dynamodb().sizeBytes());
        change.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        out.put("eventSourceARN", streamArn);
        return out;
    }

    /** An item as DynamoDB JSON ({@code {"pk": {"S": "..."}}}), as stream events carry it. */
    public static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode out = JSON.createObjectNode();
        switch (value.type()) {
            case S -> out.put("S", value.s());
            case N -> out.put("N", value.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.put("BOOL", value.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", item(value.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                value.l().forEach(v -> list.add(value(v)));
            }
            case SS -> value.ss().forEach(out.putArray("SS")::add);
            case NS -> value.ns().forEach(out.putArray("NS")::add);
            case BS -> {
                ArrayNode set = out.putArray("BS");
                value.bs().forEach(b -> set.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return out;
    }

    @Override
    public void close() {
        streams.close();
    }
}
