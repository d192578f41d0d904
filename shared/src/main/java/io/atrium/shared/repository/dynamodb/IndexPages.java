package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.paging.Page;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** One page of a GSI partition, newest first, as every tenant-wide list reads its index. */
final class IndexPages {
    private IndexPages() {
    }

    /** Up to {@code limit} items of {@code partition}, by sort key descending, resumed after {@code startKey}. */
    static <I, D> Page<D> newestFirst(DynamoDbIndex<I> index, String partition, int limit, Map<String, String> startKey,
                                      Function<I, D> toDomain) {
        try {
            var page = index.query(QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                    .scanIndexForward(false)
                    .limit(limit)
                    .exclusiveStartKey(PageKeys.toAttributes(startKey))
                    .build()).iterator().next();
            List<D> items = page.items().stream().map(toDomain).toList();
            return new Page<>(items, PageKeys.toStrings(page.lastEvaluatedKey()));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
    }
}
