package dev.pipelineharness.formats.avro;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian int), the rest
 * the Avro binary encoding of the record. Kafka clients, Connect's AvroConverter, ksqlDB and Flink's
 * {@code avro-confluent} format all read and write it.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(HEADER_LENGTH + avro.length).put(MAGIC_BYTE).putInt(schemaId).put(avro).array();
    }

    /** The schema id of a framed message; the buffer is left at the start of the Avro bytes. */
    static int schemaId(String topic, ByteBuffer message) {
        if (message.remaining() < HEADER_LENGTH) {
            throw new SerializationException("Record of topic '" + topic + "' has " + message.remaining()
                    + " bytes, fewer than the 5-byte Confluent wire-format header (magic byte 0 + schema id): not Confluent Avro");
        }
        byte magic = message.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Record of topic '" + topic + "' starts with magic byte " + magic
                    + ", expected 0 (Confluent wire format): it was not written by a Confluent-format Avro serializer");
        }
        return message.getInt();
    }
}
