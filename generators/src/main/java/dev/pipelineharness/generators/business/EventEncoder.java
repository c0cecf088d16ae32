package dev.pipelineharness.generators.business;


/**
 * Turns a business event into the bytes of a Kafka record value. JSON is built in
 * ({@link JsonEventEncoder}); other formats (Avro in the Confluent wire format) plug in through an
 * {@link EventEncoderFactory} found with {@link java.util.ServiceLoader}.
 */
public interface EventEncoder extends AutoCloseable {

    byte[] encode(String physicalTopic, BusinessEvent event);

    @Override
    default void close() {
    }
}
