package dev.pipelineharness.formats.avro;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry refused a request or could not be reached. Carries the HTTP status and Confluent's
 * error code (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema ...);
 * both are -1 when no answer came. A Kafka {@link SerializationException}, so producers and consumers
 * report it as they report any serde failure.
 */
public final class SchemaRegistryException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
