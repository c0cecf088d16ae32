package dev.pipelineharness.generators.business;

import dev.pipelineharness.formats.avro.ConfluentAvroSerializer;
import dev.pipelineharness.formats.avro.SchemaRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Business events as Avro in the Confluent wire format, each with the schema of its own
 * {@link BusinessEvent#schemaVersion()} ({@link BusinessEventAvroSchemas}), registered under
 * {@code <topic>-value} the first time it is used: a producer upgraded mid-stream registers version 2
 * then, and a registry that finds it incompatible fails the send with its own message.
 */
public final class AvroEventEncoder implements EventEncoder {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private final ConfluentAvroSerializer serializer;

    public AvroEventEncoder(SchemaRegistry registry) {
        this.serializer = new ConfluentAvroSerializer(registry, false);
    }

    @Override
    public byte[] encode(String physicalTopic, BusinessEvent event) {
        return serializer.serialize(physicalTopic, toRecord(event));
    }

    /** The event as a record of its version's schema. */
    public static GenericRecord toRecord(BusinessEvent event) {
        Schema schema = BusinessEventAvroSchemas.version(event.schemaVersion());
        GenericRecord record = new GenericData.Record(schema);
        record.put("event_id", event.eventId());
        record.put("event_type", event.type().wireName());
        record.put("entity_id", event.entityId());
        record.put("event_time", event.eventTime());
        record.put("schema_version", event.schemaVersion());
        if (schema.getField("channel") != null) {
            record.put("channel", event.channel());
        } else if (event.channel() != null) {
            throw new IllegalArgumentException("event " + event.eventId() + " has a channel, which schema version "
                    + event.schemaVersion() + " cannot carry");
        }
        if (event.payload() instanceof Payload.Absent) {
            throw new IllegalArgumentException("event " + event.eventId() + " has no payload, which the Avro"
                    + " schema's payload record cannot carry");
        }
        Schema payloadSchema = schema.getField("payload").schema();
        GenericRecord payload = new GenericData.Record(payloadSchema);
        if (event.payload() instanceof Payload.Loan loan) {
            payload.put("amount", decimal(payloadSchema, "amount", BigDecimal.valueOf(loan.amountCents(), 2)));
            payload.put("term_months", loan.termMonths());
            payload.put("rate", decimal(payloadSchema, "rate", BigDecimal.valueOf(loan.rateTenThousandths(), 4)));
            payload.put("status", loan.status());
        } else if (event.payload() instanceof Payload.Car car) {
            payload.put("vin", car.vin());
            payload.put("make", car.make());
            payload.put("model", car.model());
            payload.put("price", decimal(payloadSchema, "price", BigDecimal.valueOf(car.priceCents(), 2)));
        } else if (event.payload() instanceof Payload.Service service) {
            payload.put("kind", service.kind());
            payload.put("cost", decimal(payloadSchema, "cost", BigDecimal.valueOf(service.costCents(), 2)));
            payload.put("location", service.location());
        }
        record.put("payload", payload);
        return record;
    }

    /** Avro decimals carry only the unscaled value: it must be written at the schema's scale. */
    private static ByteBuffer decimal(Schema record, String field, BigDecimal value) {
        Schema bytes = record.getField(field).schema().getTypes().get(1);
        LogicalTypes.Decimal type = (LogicalTypes.Decimal) bytes.getLogicalType();
        return DECIMALS.toBytes(value.setScale(type.getScale()), bytes, type);
    }
}
