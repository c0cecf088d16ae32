package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Equality as docs/pipelines.md defines it: JSON fields whose value is null are dropped, field
 * order never matters, numbers compare by value ({@code 12.5} equals {@code 12.50}, also when one
 * side is a decimal string), and floating-point values within {@value #TOLERANCE}.
 */
public final class Values {

    public static final double TOLERANCE = 1e-6;

    private Values() {
    }

    /** Whether two JSON values are equal under the rules above. */
    public static boolean jsonEquals(JsonNode expected, JsonNode observed) {
        if (isAbsent(expected) || isAbsent(observed)) {
            return isAbsent(expected) && isAbsent(observed);
        }
        if (expected.isObject() && observed.isObject()) {
            Map<String, JsonNode> a = present(expected);
            Map<String, JsonNode> b = present(observed);
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<String, JsonNode> entry : a.entrySet()) {
                if (!jsonEquals(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && observed.isArray()) {
            if (expected.size() != observed.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!jsonEquals(expected.get(i), observed.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isValueNode() && observed.isValueNode()) {
            return scalarEquals(scalar(expected), scalar(observed));
        }
        return false;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static Map<String, JsonNode> present(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!isAbsent(field.getValue())) {
                fields.put(field.getKey(), field.getValue());
            }
        }
        return fields;
    }

    private static Object scalar(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * Whether two column or field values are equal: null equals null; numbers (or numeric strings
     * when the other side is a number) by value, doubles within the tolerance; otherwise by text.
     */
    public static boolean scalarEquals(Object expected, Object observed) {
        if (expected == null || observed == null) {
            return expected == null && observed == null;
        }
        BigDecimal a = number(expected, observed instanceof Number || isNumericText(observed));
        BigDecimal b = number(observed, expected instanceof Number || isNumericText(expected));
        if (a != null && b != null) {
            if (expected instanceof Double || expected instanceof Float || observed instanceof Double
                    || observed instanceof Float) {
                return a.subtract(b).abs().doubleValue() <= TOLERANCE;
            }
            return a.compareTo(b) == 0;
        }
        return expected.toString().equals(observed.toString());
    }

    private static boolean isNumericText(Object value) {
        return value instanceof String text && parse(text) != null;
    }

    private static BigDecimal number(Object value, boolean otherIsNumeric) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text && otherIsNumeric) {
            return parse(text);
        }
        return null;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The fields in which two JSON objects differ under the rules above, as dotted paths with both
     * values ({@code channel: expected mobile, observed absent}), so a diff says what is wrong before
     * showing the whole records. Empty when they are equal; the whole values when they are not both objects.
     */
    public static List<String> differences(JsonNode expected, JsonNode observed) {
        List<String> differences = new ArrayList<>();
        collectDifferences("", expected, observed, differences);
        return differences;
    }

    private static void collectDifferences(String path, JsonNode expected, JsonNode observed, List<String> out) {
        if (expected != null && observed != null && expected.isObject() && observed.isObject()) {
            Map<String, JsonNode> a = present(expected);
            Map<String, JsonNode> b = present(observed);
            SortedSet<String> names = new TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            for (String name : names) {
                collectDifferences(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (!jsonEquals(expected, observed)) {
            out.add((path.isEmpty() ? "value" : path) + ": expected " + shown(expected) + ", observed " + shown(observed));
        }
    }

    private static String shown(JsonNode node) {
        return isAbsent(node) ? "absent" : node.isTextual() ? node.asText()
                : node.isNumber() ? node.decimalValue().toPlainString() : render(node);
    }

    /** A compact one-line rendering of a JSON value without null fields, for diffs. */
    public static String render(JsonNode node) {
        if (node == null) {
            return "null";
        }
        if (node.isObject()) {
            return compact(node);
        }
        return node.toString();
    }

    private static String compact(JsonNode node) {
        StringBuilder text = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : present(node).entrySet()) {
            if (!first) {
                text.append(", ");
            }
            first = false;
            text.append(field.getKey()).append('=');
            text.append(field.getValue().isObject() ? compact(field.getValue())
                    : field.getValue().isTextual() ? field.getValue().asText()
                    : field.getValue().isNumber() ? field.getValue().decimalValue().toPlainString()
                    : field.getValue().toString());
        }
        return text.append('}').toString();
    }
}
