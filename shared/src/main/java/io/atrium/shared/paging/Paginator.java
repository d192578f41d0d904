package io.atrium.shared.paging;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Opens the client's token, runs one page of a query, and seals where the next page starts. */
public final class Paginator {
    private final PageTokens tokens;

    public Paginator(PageTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param query a description of the query and its filters (e.g. {@code partners?status=ACTIVE});
     *              a token only opens on the exact query that issued it
     */
    public <T> Listing<T> page(String tenantId, String query, Optional<String> nextToken,
                               Function<Map<String, String>, Page<T>> fetch) {
        Map<String, String> startKey = nextToken.map(token -> tokens.open(tenantId, query, token)).orElse(Map.of());
        Page<T> page = fetch.apply(startKey);
        return new Listing<>(page.items(), tokens.seal(tenantId, query, page.lastKey()));
    }
}
