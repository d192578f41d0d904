package io.atrium.local.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One customised gateway response of a template: status code, headers (API Gateway mapping expressions: a
 * {@code 'literal'} in single quotes, {@code context.requestId}, {@code method.request.header.X}, ...) and body
 * templates by content type. Templates are the part of VTL gateway responses use: {@code $context.*} and
 * {@code $stageVariables.*} references, {@code $context.error.messageString} being the quoted message; anything
 * else is refused when the template is read.
 *
 * @param statusCode null to keep the answer's own status
 */
public record GatewayResponse(Integer statusCode, Map<String, String> headers, Map<String, String> templates) {

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z][\\w.-]*)}|([A-Za-z][\\w-]*(?:\\.[A-Za-z][\\w-]*)*))");
    private static final String MESSAGE_STRING = "context.error.messageString";

    /** @throws IllegalArgumentException naming an expression or template construct the runtime cannot evaluate */
    public GatewayResponse {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        templates = Map.copyOf(new LinkedHashMap<>(templates));
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new IllegalArgumentException("StatusCode must be an HTTP status, got " + statusCode);
        }
        headers.forEach((name, expression) -> checkExpression(name, expression));
        templates.forEach(GatewayResponse::checkTemplate);
    }

    private static void checkExpression(String header, String expression) {
        if (!isLiteral(expression) && !GatewayContext.knows(expression)) {
            throw new IllegalArgumentException("header " + header + ": the mapping expression '" + expression
                    + "' is not emulated (a quoted 'literal', context.requestId, context.extendedRequestId, "
                    + "method.request.header|querystring|path.NAME or stageVariables.NAME)");
        }
    }

    private static void checkTemplate(String contentType, String template) {
        if (template.contains("#")) {
            throw new IllegalArgumentException("template " + contentType + ": VTL directives (#...) are not emulated");
        }
        Matcher m = REFERENCE.matcher(template);
        while (m.find()) {
            String name = name(m);
            if (!name.equals(MESSAGE_STRING) && !GatewayContext.knows(name)) {
                throw new IllegalArgumentException("template " + contentType + ": $" + name + " is not emulated");
            }
        }
    }

    private static boolean isLiteral(String expression) {
        return expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'");
    }

    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The value of header expression {@code expression} for this answer, or null when it has none. */
    static String headerValue(String expression, GatewayContext context, GatewayError error) {
        return isLiteral(expression) ? expression.substring(1, expression.length() - 1)
                : context.variable(expression, error);
    }

    /** {@code template} with every reference replaced by its value (missing ones by nothing, as VTL does). */
    static String render(String template, GatewayContext context, GatewayError error) {
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            String value = name.equals(MESSAGE_STRING) ? jsonString(error.message()) : context.variable(name, error);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String jsonString(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
