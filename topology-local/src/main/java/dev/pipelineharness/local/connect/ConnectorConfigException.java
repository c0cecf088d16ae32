package dev.pipelineharness.local.connect;

import java.util.List;

/**
 * Kafka Connect refused a connector configuration. The message names the file the configuration
 * came from and gives Connect's own words (per field where Connect's validation says which).
 */
public final class ConnectorConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> errors;

    ConnectorConfigException(String source, String connector, List<String> errors) {
        super("Connector '" + connector + "' from " + source + " was rejected by Kafka Connect:"
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The display name of the file the configuration came from. */
    public String source() {
        return source;
    }

    /** Connect's messages, one per rejected field or one for the whole request. */
    public List<String> errors() {
        return errors;
    }
}
