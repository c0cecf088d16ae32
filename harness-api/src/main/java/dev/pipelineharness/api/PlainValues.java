package dev.pipelineharness.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and copies the plain value trees {@link Params} holds, so a provider can rely on their
 * shape and a reader's later changes never reach it.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Object copy(Object value, String field) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException(field + ": mapping keys must be text, was " + key);
                }
                copy.put(name, copy(element, field + "." + name));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), field + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(field + ": not a plain value (map, list, text, number, boolean): "
                + value.getClass().getName());
    }
}
