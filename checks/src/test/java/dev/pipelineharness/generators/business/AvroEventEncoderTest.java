package dev.pipelineharness.generators.business;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.formats.AvroJson;
import dev.pipelineharness.checks.Values;
import dev.pipelineharness.formats.ExactJson;
import dev.pipelineharness.formats.avro.ConfluentAvroDeserializer;
import dev.pipelineharness.formats.avro.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroEventEncoderTest {

    static final BusinessEvent LOAN_V1 = new BusinessEvent(3, "id-3", EventType.LOAN, "loan-000001", 1_767_225_600_000L, 1,
            new Payload.Loan(1_250_050, 36, 450, "APPROVED"));
    static final BusinessEvent CAR_V2 = new BusinessEvent(4, "id-4", EventType.CAR, "car-000002", 5, 2, "mobile",
            new Payload.Car("1HGCM82633A004352", "Honda", "Accord", 2_000_000));
    static final BusinessEvent SERVICE_V2 = new BusinessEvent(5, "id-5", EventType.SERVICE, "svc-000003", 5, 2, "web",
            new Payload.Service("OIL_CHANGE", 4_999, "Lyon"));

    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void avroRecordsReadBackAsTheSameJsonTheJsonEncoderWrites() throws Exception {
        AvroEventEncoder encoder = new AvroEventEncoder(registry);
        ConfluentAvroDeserializer writersSchema = new ConfluentAvroDeserializer(registry, null);
        for (BusinessEvent event : List.of(LOAN_V1, CAR_V2, SERVICE_V2)) {
            JsonNode read = AvroJson.of(writersSchema.deserialize("raw", encoder.encode("raw", event)));
            JsonNode json = ExactJson.MAPPER.readTree(event.toJson());
            assertThat(Values.jsonEquals(json, read)).as("%s read back as %s", json, read).isTrue();
        }
        assertThat(registry.registrations).containsOnly("raw-value");
        assertThat(registry.schemas).as("one schema per version").hasSize(2);
    }

    @Test
    void decimalsAreWrittenAtTheSchemasScale() throws Exception {
        GenericRecord loan = AvroEventEncoder.toRecord(LOAN_V1);
        GenericRecord payload = (GenericRecord) loan.get("payload");
        assertThat(ByteBuffer.wrap(((ByteBuffer) payload.get("rate")).array()).array())
                .as("0.0450 at scale 5 is 4500").isEqualTo(java.math.BigInteger.valueOf(4500).toByteArray());
        assertThat(AvroJson.of(loan).get("payload").get("amount").decimalValue()).isEqualByComparingTo("12500.50");
    }

    @Test
    void versionTwoIsABackwardCompatibleChange() throws Exception {
        var v1 = BusinessEventAvroSchemas.version(1);
        var v2 = BusinessEventAvroSchemas.version(2);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType())
                .as("a version 2 reader reads version 1 records").isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);

        byte[] old = new AvroEventEncoder(registry).encode("raw", LOAN_V1);
        GenericRecord asV2 = new ConfluentAvroDeserializer(registry, v2).deserialize("raw", old);
        assertThat(asV2.get("channel")).isNull();
        assertThat(asV2.get("event_id")).hasToString("id-3");
    }

    @Test
    void anEventWhoseVersionCannotCarryItsChannelIsRefused() {
        BusinessEvent wrong = new BusinessEvent(6, "id-6", EventType.LOAN, "loan-1", 5, 1, "web",
                new Payload.Loan(100, 12, 450, "APPLIED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AvroEventEncoder.toRecord(wrong))
                .hasMessageContaining("schema version 1 cannot carry");
    }
}
