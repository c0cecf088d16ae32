package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How scenarios name a deployment's connectors as components: {@code connect.<name>}, where
 * {@code <name>} is the connector's name as its pipeline file writes it, without {@code ${namespace}}
 * (the file {@code {"name": "${namespace}postgres_cdc", ...}} is {@code connect.postgres_cdc}). Every
 * topology that runs a pipeline's connectors uses these names, so one scenario faults the same
 * connector on each.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ConnectorComponents {

    /** What every connector component's name starts with. */
    public static final String PREFIX = "connect.";

    private ConnectorComponents() {
    }

    /** {@code connect.<logicalName>}. */
    public static String name(String logicalName) {
        return PREFIX + logicalName;
    }

    /** The connector's logical name when {@code componentName} names a connector ({@code connect.x}), else empty. */
    public static Optional<String> connectorOf(String componentName) {
        if (componentName == null || !componentName.startsWith(PREFIX) || componentName.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(componentName.substring(PREFIX.length()));
    }
}
