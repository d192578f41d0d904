package io.atrium.shared.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.Money;
import io.atrium.shared.json.Json;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a JSON document onto an allow-listed DTO record and names every field that is unknown or
 * of the wrong type. Only String, Integer, Long, Boolean, {@link Money}, nested records and lists of
 * those are allowed as components, so no client value ever reaches a setter or a polymorphic type.
 * Every string passes {@link TextRule} and every Money {@link MoneyBody#read} here, once for all bodies,
 * so a DTO never holds a value that breaks either rule.
 */
public final class JsonBodyReader {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private JsonBodyReader() {
    }

    public static <T extends Record> T read(String json, Class<T> type) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw io.atrium.shared.error.ValidationException.of("body", "is not valid JSON");
        }
        Violations violations = new Violations();
        if (root == null || !root.isObject()) {
            violations.add("body", "must be a JSON object");
            violations.throwIfAny();
        }
        T value = type.cast(readRecord(root, type, "", violations));
        if (value instanceof Validatable validatable) {
            validatable.validate(violations);
        }
        violations.throwIfAny();
        return value;
    }

    /**
     * How errors name a field inside {@code parent} ("" for the body): {@code price.currency}; a name that is not a
     * plain identifier (empty, with dots, spaces or other characters) is quoted, {@code price["a.b"]}, so every
     * field is named unambiguously and never empty.
     */
    static String fieldPath(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        return parent + "[" + Json.MAPPER.valueToTree(name).toString() + "]";
    }

    private static Object readRecord(JsonNode node, Class<?> type, String path, Violations violations) {
        Shape shape = SHAPES.get(type);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!shape.components.containsKey(name)) {
                violations.add(fieldPath(path, name), "is not a known field");
            }
        }
        Object[] args = new Object[shape.components.size()];
        int i = 0;
        for (Map.Entry<String, Type> component : shape.components.entrySet()) {
            JsonNode child = node.get(component.getKey());
            args[i++] = child == null || child.isNull() ? null
                    : readValue(child, component.getValue(), fieldPath(path, component.getKey()), violations);
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DTO " + type.getSimpleName() + " could not be built", e);
        }
    }

    private static Object readValue(JsonNode node, Type type, String field, Violations violations) {
        if (type == String.class) {
            if (!node.isTextual()) {
                violations.add(field, "must be a string");
                return null;
            }
            Optional<String> problem = TextRule.problem(node.textValue());
            problem.ifPresent(message -> violations.add(field, message));
            return problem.isPresent() ? null : node.textValue();
        }
        if (type == Money.class) {
            return MoneyBody.read(node, field, violations);
        }
        if (type == Integer.class || type == Long.class) {
            if (!node.isIntegralNumber() || (type == Integer.class ? !node.canConvertToInt() : !node.canConvertToLong())) {
                violations.add(field, "must be a whole number");
                return null;
            }
            return type == Integer.class ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (type == Boolean.class) {
            if (!node.isBoolean()) {
                violations.add(field, "must be true or false");
                return null;
            }
            return node.booleanValue();
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            if (!node.isObject()) {
                violations.add(field, "must be an object");
                return null;
            }
            return readRecord(node, c, field, violations);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!node.isArray()) {
                violations.add(field, "must be an array");
                return null;
            }
            if (node.size() > 100) {
                violations.add(field, "must have at most 100 entries");
                return null;
            }
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                items.add(item.isNull() ? null : readValue(item, p.getActualTypeArguments()[0], field + "[" + i + "]", violations));
            }
            return items;
        }
        throw new IllegalStateException("DTO component type not allowed: " + type.getTypeName());
    }

    private record Shape(Map<String, Type> components, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] parts = type.getRecordComponents();
            Map<String, Type> components = new LinkedHashMap<>();
            Class<?>[] raw = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                components.put(parts[i].getName(), parts[i].getGenericType());
                raw[i] = parts[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new Shape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
