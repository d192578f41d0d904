package io.atrium.shared.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of domain objects as a service hands it out: items plus the sealed token for the next page. */
public record Listing<T>(List<T> items, Optional<String> nextToken) {
    public <R> Listing<R> map(Function<T, R> mapper) {
        return new Listing<>(items.stream().map(mapper).toList(), nextToken);
    }
}
