package io.atrium.shared.api;

import java.util.List;

/** A list as every API returns it: {@code {"items": [...], "nextToken": "..."}}, no token on the last page. */
public record ListResponse<T>(List<T> items, String nextToken) {
}
