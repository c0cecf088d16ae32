package dev.pipelineharness.generators.records;

import dev.pipelineharness.formats.avro.ConfluentAvroSerializer;
import dev.pipelineharness.formats.avro.SchemaRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A generated row as a record of the entry's Avro schema, in the Confluent wire format: the schema is
 * registered under {@code <topic>-value} on first use, so a registry that finds it incompatible with
 * what the topic already has fails the write with its own message. Numbers are widened or narrowed to
 * the field's Avro type and decimals set to its scale, so a user's {@code type: int} for a long field
 * still writes.
 */
final class AvroRowEncoder {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private final Schema schema;
    private final ConfluentAvroSerializer serializer;

    AvroRowEncoder(Schema schema, SchemaRegistry registry) {
        this.schema = schema;
        this.serializer = new ConfluentAvroSerializer(registry, false);
    }

    byte[] encode(String physicalTopic, Map<String, Object> row) {
        return serializer.serialize(physicalTopic, record(schema, row));
    }

    static GenericRecord record(Schema schema, Map<String, Object> row) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.name(), value(field.schema(), row.get(field.name()), field.name()));
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Schema declared, Object value, String name) {
        if (value == null) {
            return null;
        }
        Schema type = AvroFields.nonNull(declared);
        return switch (type.getType()) {
            case RECORD -> record(type, (Map<String, Object>) value);
            case INT -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case ENUM -> new GenericData.EnumSymbol(type, value.toString());
            case STRING -> value.toString();
            case BYTES -> type.getLogicalType() instanceof LogicalTypes.Decimal decimal
                    ? DECIMALS.toBytes(new BigDecimal(value.toString()).setScale(decimal.getScale(), RoundingMode.HALF_UP),
                    type, decimal)
                    : value;
            case FIXED -> type.getLogicalType() instanceof LogicalTypes.Decimal decimal
                    ? DECIMALS.toFixed(new BigDecimal(value.toString()).setScale(decimal.getScale(), RoundingMode.HALF_UP),
                    type, decimal)
                    : value;
            default -> value;
        };
    }
}
