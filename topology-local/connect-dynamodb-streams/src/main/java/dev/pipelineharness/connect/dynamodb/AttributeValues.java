package dev.pipelineharness.connect.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts DynamoDB items (attribute name to typed value) into Connect data.
 *
 * <p>Mapping: S to string; N to int64 when integral and within long range, else float64; BOOL to boolean;
 * B to bytes; NULL to a null string; SS, NS, BS and L to arrays (an L whose elements differ in type becomes
 * its JSON text); M to a nested struct. Fields are sorted by name and optional, so the same item shape always
 * gives the same schema. An item's schema follows its attributes: a table whose items differ in attribute
 * names or number kinds produces more than one schema (the Avro registry sees new versions).
 */
final class AttributeValues {

    private AttributeValues() {
    }

    /** An item as a Connect Struct with its schema. */
    static SchemaAndValue toStruct(Map<String, AttributeValue> item) {
        Map<String, SchemaAndValue> fields = new TreeMap<>();
        item.forEach((name, value) -> fields.put(name, typed(name, value)));
        SchemaBuilder builder = SchemaBuilder.struct().optional();
        fields.forEach((name, field) -> builder.field(name, field.schema()));
        Schema schema = builder.build();
        Struct struct = new Struct(schema);
        fields.forEach((name, field) -> struct.put(name, field.value()));
        return new SchemaAndValue(schema, struct);
    }

    /** An item as a schemaless map (insertion order = attribute name order), for JsonConverter without schemas. */
    static Map<String, Object> toMap(Map<String, AttributeValue> item) {
        Map<String, Object> map = new LinkedHashMap<>();
        new TreeMap<>(item).forEach((name, value) -> map.put(name, plain(name, value)));
        return map;
    }

    private static SchemaAndValue typed(String path, AttributeValue value) {
        switch (value.type()) {
            case S:
                return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value.s());
            case N: {
                Number number = number(path, value.n());
                return new SchemaAndValue(number instanceof Long ? Schema.OPTIONAL_INT64_SCHEMA : Schema.OPTIONAL_FLOAT64_SCHEMA, number);
            }
            case BOOL:
                return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, value.bool());
            case NUL:
                return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, null);
            case B:
                return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value.b().asByteArray());
            case SS:
                return new SchemaAndValue(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build(), List.copyOf(value.ss()));
            case NS:
                return numberSet(path, value.ns());
            case BS:
                return new SchemaAndValue(SchemaBuilder.array(Schema.OPTIONAL_BYTES_SCHEMA).optional().build(),
                        value.bs().stream().map(bytes -> bytes.asByteArray()).toList());
            case L:
                return list(path, value.l());
            case M:
                return toStruct(value.m());
            default:
                throw new DataException("Attribute '" + path + "' has a type this connector does not know: " + value);
        }
    }

    private static SchemaAndValue numberSet(String path, List<String> numbers) {
        List<Number> values = numbers.stream().map(n -> number(path, n)).toList();
        if (values.stream().allMatch(n -> n instanceof Long)) {
            return new SchemaAndValue(SchemaBuilder.array(Schema.OPTIONAL_INT64_SCHEMA).optional().build(), values);
        }
        return new SchemaAndValue(SchemaBuilder.array(Schema.OPTIONAL_FLOAT64_SCHEMA).optional().build(),
                values.stream().map(Number::doubleValue).toList());
    }

    private static SchemaAndValue list(String path, List<AttributeValue> elements) {
        List<SchemaAndValue> typed = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            typed.add(typed(path + "[" + i + "]", elements.get(i)));
        }
        Schema first = typed.isEmpty() ? Schema.OPTIONAL_STRING_SCHEMA : typed.get(0).schema();
        if (typed.stream().allMatch(element -> element.schema().equals(first))) {
            return new SchemaAndValue(SchemaBuilder.array(first).optional().build(),
                    typed.stream().map(SchemaAndValue::value).toList());
        }
        // Connect arrays hold one element type; a mixed list keeps its content as JSON text rather than losing it.
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, Json.write(plainList(path, elements)));
    }

    private static Object plain(String path, AttributeValue value) {
        switch (value.type()) {
            case S:
                return value.s();
            case N:
                return number(path, value.n());
            case BOOL:
                return value.bool();
            case NUL:
                return null;
            case B:
                return value.b().asByteArray();
            case SS:
                return List.copyOf(value.ss());
            case NS:
                return value.ns().stream().map(n -> number(path, n)).toList();
            case BS:
                return value.bs().stream().map(bytes -> bytes.asByteArray()).toList();
            case L:
                return plainList(path, value.l());
            case M:
                return toMap(value.m());
            default:
                throw new DataException("Attribute '" + path + "' has a type this connector does not know: " + value);
        }
    }

    private static List<Object> plainList(String path, List<AttributeValue> elements) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            list.add(plain(path + "[" + i + "]", elements.get(i)));
        }
        return list;
    }

    /** DynamoDB numbers are decimal strings of up to 38 digits: integral ones that fit a long stay exact. */
    static Number number(String path, String text) {
        try {
            BigDecimal decimal = new BigDecimal(text);
            if (decimal.stripTrailingZeros().scale() <= 0 && text.indexOf('.') < 0 && text.indexOf('e') < 0
                    && text.indexOf('E') < 0) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return decimal.doubleValue();
                }
            }
            return decimal.doubleValue();
        } catch (NumberFormatException e) {
            throw new DataException("Attribute '" + path + "' is a number that does not parse: '" + text + "'", e);
        }
    }
}
