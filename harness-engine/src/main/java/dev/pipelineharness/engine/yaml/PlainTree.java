package dev.pipelineharness.engine.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parser's Jackson tree into the plain Java values {@link dev.pipelineharness.api.Params}
 * holds, so providers never meet Jackson: mappings keep the order they were written in, and numbers
 * keep their written type (whole numbers too large for a long stay {@link java.math.BigInteger}).
 */
final class PlainTree {

    private PlainTree() {
    }

    static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> mapping.put(field.getKey(), of(field.getValue())));
            return mapping;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(of(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : node.numberValue();
        }
        return node.asText();
    }
}
