package dev.pipelineharness.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * An Avro value as the JSON that checks compare: records become objects, unions their branch's value,
 * decimals exact numbers at their scale (so {@code 12.50} compares equal to JSON's {@code 12.5}),
 * other bytes base64 text. The record's schema, not the Java type, decides, as decimals and plain
 * bytes are both {@link ByteBuffer}s.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AvroJson() {
    }

    public static JsonNode of(GenericRecord record) {
        return of(record, record.getSchema());
    }

    static JsonNode of(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), of(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case UNION -> {
                return of(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) value) {
                    array.add(of(element, schema.getElementType()));
                }
                return array;
            }
            case MAP -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), of(entry.getValue(), schema.getValueType()));
                }
                return object;
            }
            case BYTES -> {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes(bytes, schema.getLogicalType());
            }
            case FIXED -> {
                return bytes(((GenericFixed) value).bytes(), schema.getLogicalType());
            }
            case INT -> {
                return NODES.numberNode((Integer) value);
            }
            case LONG -> {
                return NODES.numberNode((Long) value);
            }
            case FLOAT -> {
                return NODES.numberNode((Float) value);
            }
            case DOUBLE -> {
                return NODES.numberNode((Double) value);
            }
            case BOOLEAN -> {
                return NODES.booleanNode((Boolean) value);
            }
            case NULL -> {
                return NODES.nullNode();
            }
            default -> { // STRING (Utf8 or String) and ENUM
                return NODES.textNode(value.toString());
            }
        }
    }

    private static JsonNode bytes(byte[] bytes, LogicalType logicalType) {
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(new BigDecimal(new BigInteger(bytes), decimal.getScale()));
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }
}
