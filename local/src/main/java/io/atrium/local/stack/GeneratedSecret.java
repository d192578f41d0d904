package io.atrium.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.security.SecureRandom;

/** A secret's value: its {@code SecretString}, or one generated as Secrets Manager would from {@code GenerateSecretString}. */
final class GeneratedSecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedSecret() {
    }

    static String value(MapNode props) {
        Node literal = props.get("SecretString");
        if (literal != null) {
            return literal.asText();
        }
        MapNode g = props.mapOrEmpty("GenerateSecretString");
        int length = g.has("PasswordLength") ? g.get("PasswordLength").asInt() : 32;
        String chars = alphabet(g);
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return inTemplate(g, secret.toString());
    }

    private static String alphabet(MapNode g) {
        StringBuilder alphabet = new StringBuilder();
        if (!flag(g, "ExcludeLowercase")) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!flag(g, "ExcludeUppercase")) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!flag(g, "ExcludeNumbers")) {
            alphabet.append("0123456789");
        }
        if (!flag(g, "ExcludePunctuation")) {
            alphabet.append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        }
        if (flag(g, "IncludeSpace")) {
            alphabet.append(' ');
        }
        String exclude = g.text("ExcludeCharacters", "");
        StringBuilder chars = new StringBuilder();
        alphabet.chars().filter(c -> exclude.indexOf(c) < 0).forEach(c -> chars.append((char) c));
        if (chars.length() == 0) {
            throw g.error("GenerateSecretString leaves no characters to choose from");
        }
        return chars.toString();
    }

    /** The secret inside {@code SecretStringTemplate} under {@code GenerateStringKey}, when a template is given. */
    private static String inTemplate(MapNode g, String secret) {
        Node template = g.get("SecretStringTemplate");
        Node key = g.get("GenerateStringKey");
        if (template == null) {
            return secret;
        }
        if (key == null) {
            throw template.error("SecretStringTemplate needs GenerateStringKey");
        }
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(template.asText());
            json.put(key.asText(), secret);
            return JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw template.error("SecretStringTemplate is not a JSON object: " + e.getMessage());
        }
    }

    private static boolean flag(MapNode m, String key) {
        return m.has(key) && m.get(key).asBoolean();
    }
}
