package io.atrium.shared.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies for property tests: any JSON at all, and, mostly, a valid body of a route changed in one to three
 * places (a field removed or null, a value of another type, an extra field at any depth, tricky text: control
 * characters, lone surrogates, emoji around the length limits, huge strings; deep nesting), plus text that is not
 * JSON. Near-valid bodies reach the rules behind the first check, which random JSON rarely does.
 */
public final class JsonBodies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes nesting deeper than a parser takes (1,000 levels), so the server's limit is what is tried. */
    private static final ObjectMapper WRITER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());

    private JsonBodies() {
    }

    /** Bodies around {@code validJson}: mostly mutations of it, some arbitrary JSON and some non-JSON text. */
    public static Arbitrary<String> around(String validJson) {
        JsonNode valid = parse(validJson);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(validJson)),
                Tuple.of(12, mutations().list().ofMinSize(1).ofMaxSize(3).map(list -> write(apply(valid, list)))),
                Tuple.of(2, anyValue(3).map(JsonBodies::write)),
                Tuple.of(1, notJson(validJson)));
    }

    /** Any JSON value, nested up to {@code depth} levels: every type, odd numbers, every kind of text. */
    public static Arbitrary<JsonNode> anyValue(int depth) {
        if (depth <= 0) {
            return leaf();
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> anyValue(depth - 1));
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(fieldNames().list().ofMaxSize(4), inner.list().ofSize(4)).as((names, values) -> {
            ObjectNode node = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                node.set(names.get(i), values.get(i));
            }
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(6, leaf()), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** Text a client may send where a string belongs: ordinary, Unicode, control characters, sizes around limits. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("_-. @").ofMinLength(1).ofMaxLength(70)),
                Tuple.of(6, Arbitraries.of("\u0000", "a\u001Bb", "line\nbreak", "tab\there", "del\u007F", "c1\u0085", "\uD800", "x\uDC00y", " ",
                        "EUR", "JPY", "KWD", "ZZZ", "eur", "12.50", "2.505", "999999999999999.99", "1000000000000000", "-0", "1e3",
                        "2026-01-01", "2026-02-30", "ACTIVE", "CHARGE", "REFUND", "premium", "DE", "a@b.example", "con_x", "")),
                Tuple.of(2, Arbitraries.integers().between(190, 210).map(n -> "\uD83D\uDE00".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(1, 70_000).map("x"::repeat)));
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("amount", "currency", "id", "tenantId", "version", "status", "balance", "price", "pk", "__proto__"));
    }

    private static Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("12.5"), new BigDecimal("1e400"), new BigDecimal("-0.0001"), new BigDecimal("0"),
                        new BigDecimal("999999999999999.99"), new BigDecimal("4.9e-324")).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                text().map(NODES::textNode));
    }

    private static Arbitrary<String> notJson(String validJson) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.integers().between(0, validJson.length() - 1).map(n -> validJson.substring(0, n)),
                Arbitraries.just(validJson.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,")),
                Arbitraries.just(validJson + " trailing"),
                Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)));
    }

    /** One change at a node chosen by {@code at} (modulo the number of nodes). */
    private record Mutation(int kind, int at, JsonNode value, String name, String text) {
    }

    private static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().greaterOrEqual(0), anyValue(2),
                fieldNames(), text()).as(Mutation::new);
    }

    private static JsonNode apply(JsonNode valid, List<Mutation> mutations) {
        JsonNode root = valid.deepCopy();
        for (Mutation mutation : mutations) {
            root = apply(root, mutation);
        }
        return root;
    }

    /** Where a node sits: its parent (object or array) and its name or index there; the root has no parent. */
    private record Place(JsonNode node, JsonNode parent, String name, int index) {
    }

    private static JsonNode apply(JsonNode root, Mutation mutation) {
        List<Place> places = new ArrayList<>();
        collect(root, null, null, -1, places);
        Place place = places.get(mutation.at() % places.size());
        JsonNode replacement = switch (mutation.kind()) {
            case 0 -> null;                                   // remove
            case 1 -> NODES.nullNode();
            case 2 -> mutation.value();                       // any value, likely of another type
            case 3 -> place.node() instanceof ObjectNode o ? withField(o, mutation.name(), mutation.value()) : mutation.value();
            case 4 -> NODES.textNode(mutation.text());
            case 5 -> nested(place.node(), 1 + mutation.at() % 1500);
            default -> place.node() instanceof ObjectNode o ? withField(o, mutation.name(), nested(mutation.value(), 1 + mutation.at() % 40))
                    : NODES.textNode(mutation.text());
        };
        if (place.parent() == null) {
            return replacement == null ? NODES.objectNode() : replacement;
        }
        if (place.parent() instanceof ObjectNode parent) {
            if (replacement == null) {
                parent.remove(place.name());
            } else {
                parent.set(place.name(), replacement);
            }
        } else if (place.parent() instanceof ArrayNode parent) {
            if (replacement == null) {
                parent.remove(place.index());
            } else {
                parent.set(place.index(), replacement);
            }
        }
        return root;
    }

    private static JsonNode withField(ObjectNode node, String name, JsonNode value) {
        ObjectNode copy = node.deepCopy();
        copy.set(name, value);
        return copy;
    }

    private static JsonNode nested(JsonNode node, int depth) {
        JsonNode current = node;
        for (int i = 0; i < depth; i++) {
            current = i % 2 == 0 ? NODES.arrayNode().add(current) : NODES.objectNode().set("n", current);
        }
        return current;
    }

    private static void collect(JsonNode node, JsonNode parent, String name, int index, List<Place> places) {
        places.add(new Place(node, parent, name, index));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), node, field.getKey(), -1, places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, places);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return ApiEvents.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
