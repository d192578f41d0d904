package io.atrium.local.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as received: header names keep the client's spelling and order (API Gateway passes them
 * on as sent), path and query are still percent-encoded.
 */
public record HttpRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
        byte[] body, InetSocketAddress remote) {

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
