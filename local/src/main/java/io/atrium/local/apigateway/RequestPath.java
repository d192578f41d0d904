package io.atrium.local.apigateway;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path below the stage ({@code /partners/a%20b}): as sent, and its segments decoded one by one (so an
 * encoded {@code /} stays inside its segment, as in API Gateway).
 *
 * @param raw      still percent-encoded, {@code /} for the stage root
 * @param segments decoded, empty segments dropped
 */
record RequestPath(String raw, List<String> segments) {

    /** @throws PercentDecoding.MalformedEscape when a segment holds a malformed percent-escape */
    static RequestPath parse(String raw) {
        List<String> segments = new ArrayList<>();
        for (String s : raw.split("/")) {
            if (!s.isEmpty()) {
                segments.add(PercentDecoding.pathSegment(s));
            }
        }
        return new RequestPath(raw.isEmpty() ? "/" : raw, List.copyOf(segments));
    }

    /** The decoded path, as the proxy event's {@code path} gives it. */
    String decoded() {
        return PercentDecoding.pathSegment(raw);
    }
}
