package io.atrium.shared.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A sample of a route's answer type, for priming its JSON writer before the SnapStart snapshot (ADR 0016): a record
 * with every component at its type's plainest value (zero, false, an empty text), nested records filled the same
 * way and a list holding one such element, so Jackson builds the writers of the whole tree, not only the root's.
 */
final class PrimingSamples {
    private PrimingSamples() {
    }

    static Object of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return List.of(of(p.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> c)) {
            return null;
        }
        if (c.isRecord()) {
            return record(c);
        }
        return plain(c);
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = of(components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no priming sample of " + type.getName(), e);
        }
    }

    private static Object plain(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (type == long.class || type == Long.class) {
            return 0L;
        }
        if (type == int.class || type == Integer.class) {
            return 0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type.isPrimitive()) {
            throw new IllegalStateException("no priming sample of " + type.getName());
        }
        return null;
    }
}
