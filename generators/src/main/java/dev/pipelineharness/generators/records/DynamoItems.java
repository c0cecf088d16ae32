package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DynamoTableSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A generated row as a DynamoDB item: the table's key attributes in their declared types ({@code S}
 * or {@code N}), text as {@code S}, numbers as {@code N} (plain decimal text), booleans as
 * {@code BOOL}, nested maps and lists as {@code M} and {@code L}; a null field is left out, as
 * producers writing DynamoDB leave absent attributes out.
 */
final class DynamoItems {

    private final DynamoTableSpec table;

    DynamoItems(DynamoTableSpec table) {
        this.table = table;
    }

    Map<String, AttributeValue> item(Map<String, Object> row) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            if (name.equals(table.hashKey())) {
                item.put(name, key(name, value, table.hashKeyType()));
            } else if (name.equals(table.rangeKey())) {
                item.put(name, key(name, value, table.rangeKeyType()));
            } else if (value != null) {
                item.put(name, attribute(value));
            }
        });
        return item;
    }

    private AttributeValue key(String name, Object value, String type) {
        if (value == null) {
            throw new IllegalStateException("the key attribute '" + name + "' of DynamoDB table " + table.name()
                    + " has no value");
        }
        return switch (type) {
            case "N" -> AttributeValue.fromN(new BigDecimal(String.valueOf(value)).toPlainString());
            case "S" -> AttributeValue.fromS(String.valueOf(value));
            default -> throw new IllegalStateException("key type " + type + " of " + name + " is not written by records"
                    + " (S or N)");
        };
    }

    static AttributeValue attribute(Object value) {
        if (value instanceof BigDecimal decimal) {
            return AttributeValue.fromN(decimal.toPlainString());
        }
        if (value instanceof Number number) {
            return AttributeValue.fromN(new BigDecimal(number.toString()).toPlainString());
        }
        if (value instanceof Boolean bool) {
            return AttributeValue.fromBool(bool);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> nested = new LinkedHashMap<>();
            map.forEach((name, nestedValue) -> {
                if (nestedValue != null) {
                    nested.put(String.valueOf(name), attribute(nestedValue));
                }
            });
            return AttributeValue.fromM(nested);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> values = new ArrayList<>();
            list.forEach(element -> values.add(element == null ? AttributeValue.fromNul(true) : attribute(element)));
            return AttributeValue.fromL(values);
        }
        return AttributeValue.fromS(String.valueOf(value));
    }
}
