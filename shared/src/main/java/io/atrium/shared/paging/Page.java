package io.atrium.shared.paging;

import java.util.List;
import java.util.Map;

/** One page of a query as a repository returns it: the items and where the next page starts. */
public record Page<T>(List<T> items, Map<String, String> lastKey) {
    public boolean hasMore() {
        return lastKey != null && !lastKey.isEmpty();
    }
}
