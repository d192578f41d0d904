package io.atrium.shared.api;

import io.atrium.shared.error.PayloadTooLargeException;
import io.atrium.shared.error.UnsupportedMediaTypeException;
import io.atrium.shared.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One API Gateway proxy request with its verified caller: the only view handlers get of HTTP. */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ProxyRequestEvent event;
    private final Caller caller;
    private final String requestId;

    public ApiRequest(ProxyRequestEvent event, Caller caller, String requestId) {
        this.event = event;
        this.caller = caller;
        this.requestId = requestId;
    }

    public Caller caller() {
        return caller;
    }

    public String tenantId() {
        return caller.tenantId();
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return event.getHttpMethod();
    }

    public String resourcePath() {
        return event.getResource();
    }

    /**
     * The API's base URL as the caller reached it ({@code https://{domainName}/{stage}}; the scheme from
     * {@code X-Forwarded-Proto}, which API Gateway sets), or empty when the event names no domain.
     */
    public Optional<String> baseUrl() {
        var context = event.getRequestContext();
        if (context == null || context.getDomainName() == null || context.getStage() == null) {
            return Optional.empty();
        }
        String scheme = header("X-Forwarded-Proto").filter(p -> p.equals("http") || p.equals("https")).orElse("https");
        return Optional.of(scheme + "://" + context.getDomainName() + "/" + context.getStage());
    }

    /** Header value, case-insensitively, from single- or multi-value headers. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(header(event.getHeaders(), event.getMultiValueHeaders(), name));
    }

    static String header(Map<String, String> headers, Map<String, List<String>> multi, String name) {
        if (headers != null) {
            for (Map.Entry<String, String> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        if (multi != null) {
            for (Map.Entry<String, List<String>> entry : multi.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null
                        && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
        }
        return null;
    }

    /** A path parameter that must be a well-formed id (400 naming it otherwise). */
    public String pathId(String name) {
        return Ids.require(name, pathParameter(name));
    }

    /** A path parameter as API Gateway decoded it, or null; the caller validates it. */
    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? null : params.get(name);
    }

    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        String value = query == null ? null : query.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code ?limit=} in 1..100, 20 when absent. */
    public int limit() {
        Optional<String> raw = query("limit");
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ValidationException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public Optional<String> nextToken() {
        return query("nextToken");
    }

    public Optional<String> idempotencyKey() {
        return header("Idempotency-Key");
    }

    public Optional<String> ifMatch() {
        return header("If-Match");
    }

    /** The raw body bytes, enforcing the size limit (413). */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            if (body.length() > (MAX_BODY_BYTES / 3 + 1) * 4) {
                throw new PayloadTooLargeException("The body must not be larger than 64 KiB.");
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("body", "is not valid base64");
            }
        } else {
            if (body.length() > MAX_BODY_BYTES) {
                throw new PayloadTooLargeException("The body must not be larger than 64 KiB.");
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("The body must not be larger than 64 KiB.");
        }
        return bytes;
    }

    /**
     * The JSON body mapped onto an allow-listed DTO record: 413 over 64 KiB, 415 when not JSON,
     * 400 naming every bad field.
     */
    public <T extends Record> T body(Class<T> type) {
        byte[] bytes = bodyBytes();
        String contentType = header("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new UnsupportedMediaTypeException("The body must be application/json.");
        }
        if (bytes.length == 0) {
            throw ValidationException.of("body", "is required");
        }
        return JsonBodyReader.read(new String(bytes, StandardCharsets.UTF_8), type);
    }

    /** A fingerprint of what makes two requests "the same" for idempotency: method, path and body. */
    public String fingerprintSource() {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getHttpMethod() + " " + event.getPath() + "\n" + body;
    }
}
