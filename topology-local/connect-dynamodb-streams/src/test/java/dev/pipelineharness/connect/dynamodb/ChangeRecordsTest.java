package dev.pipelineharness.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceConfig.OutputFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class ChangeRecordsTest {

    private static final String ARN = "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000";
    private static final Map<String, AttributeValue> KEYS = Map.of(
            "user_id", AttributeValue.fromS("u1"), "timestamp", AttributeValue.fromN("1700000000"));

    private static final Map<String, AttributeValue> IMAGE = Map.of(
            "user_id", AttributeValue.fromS("u1"),
            "timestamp", AttributeValue.fromN("1700000000"),
            "event_type", AttributeValue.fromS("purchase"),
            "price", AttributeValue.fromN("19.99"),
            "gift", AttributeValue.fromBool(true),
            "note", AttributeValue.fromNul(true),
            "tags", AttributeValue.fromSs(List.of("a", "b")),
            "quantities", AttributeValue.fromNs(List.of("1", "2")),
            "address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Berlin"), "zip", AttributeValue.fromN("10115"))),
            "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})));

    private static Record change(OperationType operation, Map<String, AttributeValue> newImage) {
        StreamRecord.Builder data = StreamRecord.builder().keys(KEYS).sequenceNumber("000000000000000000042")
                .approximateCreationDateTime(Instant.ofEpochSecond(1_700_000_000));
        if (newImage != null) {
            data.newImage(newImage);
        }
        return Record.builder().eventID("e1").eventName(operation).dynamodb(data.build()).build();
    }

    /**
     * How Connect stores and finds a source offset: the key is the JSON of [connector, partition],
     * and its REST API (GET /connectors/{name}/offsets) and a restarted worker look a stored offset up
     * by the bytes they rebuild from the parsed partition. Both must be the same bytes.
     */
    @Test
    void theSourcePartitionSerialisesToTheBytesConnectRebuildsWhenItLooksTheOffsetUp() {
        SourceRecord record = new ChangeRecords("interactions", OutputFormat.STRUCT)
                .convert(ARN, "shardId-00000001796143925458-07ef4e80", change(OperationType.INSERT, IMAGE));
        try (org.apache.kafka.connect.json.JsonConverter offsetKeys = new org.apache.kafka.connect.json.JsonConverter()) {
            offsetKeys.configure(Map.of("schemas.enable", "false", "converter.type", "key"));
            byte[] written = offsetKeys.fromConnectData("offsets", null, List.of("c", record.sourcePartition()));
            Object parsed = offsetKeys.toConnectData("offsets", written).value();
            byte[] rebuilt = offsetKeys.fromConnectData("offsets", null, parsed);

            assertThat(new String(rebuilt, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(written, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void insertBecomesFlatStructOfTheNewImageKeyedByTheItemKey() {
        SourceRecord record = new ChangeRecords("interactions", OutputFormat.STRUCT)
                .convert(ARN, "shardId-1", change(OperationType.INSERT, IMAGE));

        Struct value = (Struct) record.value();
        assertThat(value.getString("event_type")).isEqualTo("purchase");
        assertThat(value.getInt64("timestamp")).isEqualTo(1_700_000_000L);
        assertThat(value.getFloat64("price")).isEqualTo(19.99);
        assertThat(value.getBoolean("gift")).isTrue();
        assertThat(value.get("note")).isNull();
        assertThat(value.getArray("tags")).containsExactly("a", "b");
        assertThat(value.getArray("quantities")).containsExactly(1L, 2L);
        assertThat(value.getStruct("address").getString("city")).isEqualTo("Berlin");
        assertThat(value.getBytes("blob")).containsExactly(1, 2);
        assertThat(record.valueSchema().fields()).extracting(f -> f.name())
                .containsExactly("address", "blob", "event_type", "gift", "note", "price", "quantities", "tags", "timestamp", "user_id");
        assertThat(record.valueSchema().fields()).allMatch(f -> f.schema().isOptional());

        Struct key = (Struct) record.key();
        assertThat(key.schema().fields()).extracting(f -> f.name()).containsExactly("timestamp", "user_id");
        assertThat(key.getString("user_id")).isEqualTo("u1");

        assertThat(record.topic()).isEqualTo("interactions");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(record.sourcePartition()).isEqualTo(Map.of("stream_arn", ARN, "shard_id", "shardId-1"));
        assertThat(record.sourceOffset()).isEqualTo(Map.of("sequence_number", "000000000000000000042"));
        assertThat(record.headers().lastWithName("dynamodb.op").value()).isEqualTo("INSERT");
        assertThat(record.headers().lastWithName("dynamodb.sequence.number").value()).isEqualTo("000000000000000000042");
    }

    @Test
    void sameItemShapeGivesEqualSchemas() {
        ChangeRecords records = new ChangeRecords("t", OutputFormat.STRUCT);
        assertThat(records.convert(ARN, "s", change(OperationType.INSERT, IMAGE)).valueSchema())
                .isEqualTo(records.convert(ARN, "s", change(OperationType.MODIFY, IMAGE)).valueSchema());
    }

    @Test
    void removeBecomesTombstoneWithTheKey() {
        SourceRecord record = new ChangeRecords("t", OutputFormat.STRUCT).convert(ARN, "s", change(OperationType.REMOVE, null));

        assertThat(record.value()).isNull();
        assertThat(record.valueSchema()).isNull();
        assertThat(((Struct) record.key()).getString("user_id")).isEqualTo("u1");
        assertThat(record.headers().lastWithName("dynamodb.op").value()).isEqualTo("REMOVE");
    }

    @Test
    void jsonFormatGivesSchemalessMaps() {
        SourceRecord record = new ChangeRecords("t", OutputFormat.JSON).convert(ARN, "s", change(OperationType.MODIFY, IMAGE));

        assertThat(record.valueSchema()).isNull();
        assertThat(record.keySchema()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) record.value();
        assertThat(value).containsEntry("event_type", "purchase").containsEntry("price", 19.99)
                .containsEntry("timestamp", 1_700_000_000L).containsEntry("quantities", List.of(1L, 2L))
                .containsEntry("address", Map.of("city", "Berlin", "zip", 10115L));
        assertThat(record.headers().lastWithName("dynamodb.op").value()).isEqualTo("MODIFY");
    }

    @Test
    void modifyWithoutNewImageNamesTheViewTypeProblem() {
        assertThatThrownBy(() -> new ChangeRecords("t", OutputFormat.STRUCT).convert(ARN, "s", change(OperationType.MODIFY, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("NEW_IMAGE");
    }

    @Test
    void mixedListKeepsItsContentAsJsonText() {
        Map<String, AttributeValue> item = Map.of("mixed", AttributeValue.fromL(List.of(
                AttributeValue.fromS("a\"b"), AttributeValue.fromN("3"), AttributeValue.fromBool(false))));
        SourceRecord record = new ChangeRecords("t", OutputFormat.STRUCT).convert(ARN, "s", change(OperationType.INSERT, item));

        assertThat(record.valueSchema().field("mixed").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(((Struct) record.value()).getString("mixed")).isEqualTo("[\"a\\\"b\",3,false]");
    }

    @Test
    void numbersStayExactWhenIntegralAndFitALong() {
        assertThat(AttributeValues.number("n", "42")).isEqualTo(42L);
        assertThat(AttributeValues.number("n", "-7")).isEqualTo(-7L);
        assertThat(AttributeValues.number("n", "1.50")).isEqualTo(1.5);
        assertThat(AttributeValues.number("n", "1E3")).isEqualTo(1000.0);
        assertThat(AttributeValues.number("n", "123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
        assertThatThrownBy(() -> AttributeValues.number("price", "abc"))
                .isInstanceOf(DataException.class).hasMessageContaining("'price'");
    }
}
