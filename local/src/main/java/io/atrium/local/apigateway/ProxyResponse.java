package io.atrium.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function's Lambda proxy response turned into HTTP as API Gateway does it: {@code multiValueHeaders} win over
 * {@code headers} of the same name, JSON is the default content type, a base64 body is decoded only when the
 * response (or the request's Accept) is a binary media type of the Api. A malformed response is API Gateway's 502.
 */
final class ProxyResponse {

    private static final Pattern STATUS_CODE = Pattern.compile("\\d{3}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
            "isBase64Encoded");

    private ProxyResponse() {
    }

    /** The HTTP answer, or null when the output is malformed (the reason is logged, never sent). */
    static HttpResponse toHttp(JsonNode output, HttpRequest request, Stage stage, String function, String requestId) {
        String problem = malformed(output);
        if (problem != null) {
            System.err.printf("%s %s %s: Execution failed due to configuration error: Malformed Lambda proxy response"
                    + " (%s)%n", stage.stack(), requestId, function, problem);
            return null;
        }
        List<Map.Entry<String, String>> headers = headers(output);
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        headers.add(Map.entry("x-amz-apigw-id", requestId.substring(0, 8) + "="));
        JsonNode bodyNode = output.get("body");
        String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();
        JsonNode b64 = output.get("isBase64Encoded");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (b64 != null && b64.asBoolean() && binary(request, headers, stage.binaryMediaTypes())) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                System.err.printf("%s %s: isBase64Encoded is true but the body is not base64%n", stage.stack(), requestId);
                return null;
            }
        }
        return new HttpResponse(output.get("statusCode").asInt(), headers, bytes);
    }

    private static List<Map.Entry<String, String>> headers(JsonNode output) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> fromMulti = new HashSet<>();
        JsonNode multi = output.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    fromMulti.add(e.getKey().toLowerCase(Locale.ROOT));
                    e.getValue().forEach(v -> headers.add(Map.entry(e.getKey(), v.asText())));
                }
            }
        }
        JsonNode single = output.get("headers");
        if (single != null && single.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull() && !fromMulti.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    headers.add(Map.entry(e.getKey(), e.getValue().asText()));
                }
            }
        }
        return headers;
    }

    private static boolean binary(HttpRequest request, List<Map.Entry<String, String>> headers, BinaryMediaTypes types) {
        String accept = request.header("Accept");
        if (accept != null && types.matches(accept.split(",")[0])) {
            return true;
        }
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type") && types.matches(h.getValue()));
    }

    /** Why API Gateway would call this a malformed Lambda proxy response, or null when it is fine. */
    static String malformed(JsonNode output) {
        if (output == null || !output.isObject()) {
            return "the output is not a JSON object: " + (output == null ? "null" : output.getNodeType());
        }
        for (Iterator<String> it = output.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!FIELDS.contains(k)) {
                return "unexpected field '" + k + "'";
            }
        }
        String status = statusProblem(output.get("statusCode"));
        if (status != null) {
            return status;
        }
        JsonNode body = output.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return "body is not a string";
        }
        String headers = headersProblem(output.get("headers"), output.get("multiValueHeaders"));
        if (headers != null) {
            return headers;
        }
        JsonNode b64 = output.get("isBase64Encoded");
        return b64 != null && !b64.isNull() && !b64.isBoolean() ? "isBase64Encoded is not a boolean" : null;
    }

    private static String statusProblem(JsonNode status) {
        if (status == null || status.isNull()) {
            return "no statusCode";
        }
        if (!(status.isInt() || status.isTextual() && STATUS_CODE.matcher(status.asText()).matches())) {
            return "statusCode is not an integer: " + status;
        }
        int code = status.asInt();
        return code < 100 || code > 599 ? "statusCode out of range: " + code : null;
    }

    /** A header that HTTP cannot carry (it would split the response or break its head). */
    private static String headerProblem(String name, JsonNode value) {
        if (!HEADER_NAME.matcher(name).matches()) {
            return "a header name is not an HTTP token";
        }
        String text = value.asText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return "a header value has a character HTTP headers cannot carry";
            }
        }
        return null;
    }

    private static String headersProblem(JsonNode headers, JsonNode multi) {
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject()) {
                return "headers is not an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    return "a header value is not a string";
                }
                String bad = headerProblem(e.getKey(), e.getValue());
                if (bad != null) {
                    return bad;
                }
            }
        }
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                return "multiValueHeaders is not an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull() && !e.getValue().isArray()) {
                    return "a multiValueHeaders value is not a list";
                }
                for (JsonNode v : e.getValue()) {
                    String bad = headerProblem(e.getKey(), v);
                    if (bad != null) {
                        return bad;
                    }
                }
            }
        }
        return null;
    }
}
