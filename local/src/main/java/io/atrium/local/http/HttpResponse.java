package io.atrium.local.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One HTTP response; Content-Length is added by the server. */
public record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public static HttpResponse json(int status, String json) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        return new HttpResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
