package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.paging.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of an index query, for every list the API serves. DynamoDB's LastEvaluatedKey after exactly
 * {@code limit} items cannot tell whether more follow, so a page reads one item more than it holds: only when
 * that item exists does the page get a resume key (the key of its last item, from the index's key attributes
 * as the item's schema declares them), so a last page that is exactly full carries no {@code nextToken}.
 * A filtered query reads up to {@value #MAX_READS_PER_PAGE} times to fill its page within the time budget; only
 * when that budget runs out before the index does can a page end early with a resume key.
 */
final class QueryPages {
    static final int MAX_READS_PER_PAGE = 5;
    private static final int FILTERED_READ_SIZE = 100;

    private QueryPages() {
    }

    /** Up to {@code limit} items of {@code partition} of the index, by sort key descending, resumed after {@code startKey}. */
    static <I, D> Page<D> newestFirst(DynamoDbClient dynamoDb, String tableName, TableSchema<I> schema, String indexName,
                                      String partition, int limit, Map<String, String> startKey, Function<I, D> toDomain) {
        String partitionKey = schema.tableMetadata().indexPartitionKey(indexName);
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(indexName)
                .keyConditionExpression("#partition = :partition")
                .expressionAttributeNames(Map.of("#partition", partitionKey))
                .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition)))
                .scanIndexForward(false)
                .build();
        return read(dynamoDb, query, schema, limit, startKey, item -> toDomain.apply(schema.mapToItem(item)));
    }

    /**
     * Runs {@code query} (table, index, key condition, order and an optional filter; no limit or start key) for one
     * page of at most {@code limit} items.
     */
    static <D> Page<D> read(DynamoDbClient dynamoDb, QueryRequest query, TableSchema<?> schema, int limit,
                            Map<String, String> startKey, Function<Map<String, AttributeValue>, D> toDomain) {
        boolean filtered = query.filterExpression() != null;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = PageKeys.toAttributes(startKey);
        for (int reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
            int wanted = limit + 1 - items.size();
            QueryResponse response = dynamoDb.query(query.toBuilder()
                    .limit(filtered ? Math.max(wanted, FILTERED_READ_SIZE) : wanted)
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (items.size() > limit) {
                List<Map<String, AttributeValue>> page = items.subList(0, limit);
                return new Page<>(page.stream().map(toDomain).toList(), keyOf(page.get(limit - 1), schema, query.indexName()));
            }
            if (start == null) {
                break;
            }
        }
        return new Page<>(items.stream().map(toDomain).toList(), PageKeys.toStrings(start));
    }

    /** Where a query resumes after {@code item}: the table's key and the index's keys, as LastEvaluatedKey has them. */
    private static Map<String, String> keyOf(Map<String, AttributeValue> item, TableSchema<?> schema, String indexName) {
        TableMetadata metadata = schema.tableMetadata();
        Map<String, String> key = new HashMap<>();
        for (String attribute : List.of(metadata.primaryPartitionKey(), metadata.indexPartitionKey(indexName),
                metadata.indexSortKey(indexName).orElseThrow())) {
            key.put(attribute, item.get(attribute).s());
        }
        return key;
    }
}
