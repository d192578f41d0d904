package io.atrium.local.template;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with CloudFormation dynamic references ({@code {{resolve:secretsmanager:...}}}, {@code {{resolve:ssm:...}}},
 * {@code {{resolve:ssm-secure:...}}}) replaced by their values from the started stacks ({@link DynamicReferences}).
 */
final class DynamicReferenceText {

    private static final Pattern DYNAMIC = Pattern.compile("\\{\\{resolve:([a-z-]+):([^}]*)}}");

    private DynamicReferenceText() {
    }

    static String resolve(String text, Node at, DynamicReferences dynamic) {
        Matcher m = DYNAMIC.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String service = m.group(1);
            String reference = m.group(2);
            String value = switch (service) {
                case "secretsmanager" -> secret(reference, at, dynamic);
                case "ssm", "ssm-secure" -> ssm(service, reference, at, dynamic);
                default -> throw at.error("{{resolve:" + service
                        + ":...}} is not a dynamic reference the local runtime emulates");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String secret(String reference, Node at, DynamicReferences dynamic) {
        String secretId;
        String rest;
        if (reference.startsWith("arn:")) {
            String[] p = reference.split(":", -1);
            if (p.length < 7) {
                throw at.error("malformed secret ARN in {{resolve:secretsmanager:" + reference + "}}");
            }
            secretId = String.join(":", Arrays.copyOf(p, 7));
            rest = p.length > 7 ? reference.substring(secretId.length() + 1) : "";
        } else {
            int colon = reference.indexOf(':');
            secretId = colon < 0 ? reference : reference.substring(0, colon);
            rest = colon < 0 ? "" : reference.substring(colon + 1);
        }
        String[] parts = rest.isEmpty() ? new String[0] : rest.split(":", -1);
        if (parts.length > 0 && !parts[0].isEmpty() && !parts[0].equals("SecretString")) {
            throw at.error("{{resolve:secretsmanager:" + reference + "}}: only SecretString is supported");
        }
        if (parts.length > 2 && (!parts[2].isEmpty() || (parts.length > 3 && !parts[3].isEmpty()))) {
            throw at.error("{{resolve:secretsmanager:" + reference + "}}: version stages and ids are not emulated");
        }
        String jsonKey = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        String value = dynamic.secret(secretId, jsonKey);
        if (value == null) {
            throw at.error("{{resolve:secretsmanager:" + reference + "}}: no started stack declares secret '"
                    + secretId + "'" + (jsonKey == null ? "" : " with key '" + jsonKey + "'"));
        }
        return value;
    }

    private static String ssm(String service, String reference, Node at, DynamicReferences dynamic) {
        String name = reference.contains(":") ? reference.substring(0, reference.lastIndexOf(':')) : reference;
        String value = dynamic.ssmParameter(name);
        if (value == null) {
            throw at.error("{{resolve:" + service + ":" + reference + "}}: no started stack declares SSM parameter '"
                    + name + "'");
        }
        return value;
    }
}
