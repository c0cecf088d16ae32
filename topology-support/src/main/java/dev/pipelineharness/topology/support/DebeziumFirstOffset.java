package dev.pipelineharness.topology.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * When a Debezium PostgreSQL source's position becomes durable. Until Connect has committed the
 * source's first offset, a crash of its worker (or a restart of its task after PostgreSQL went away)
 * finds no offset: Debezium snapshots the tables again and streams from the WAL position of that new
 * snapshot, so every change committed between the first start and the crash is lost, not replayed.
 * Debezium commits an offset only with a record; {@code heartbeat.interval.ms} makes it emit one
 * within that interval even while no captured table changes, so a deployment of such a source waits
 * for its first offset and a fault injected after the deployment finds a position to resume from.
 * Without a heartbeat there is nothing to wait for before the first change.
 */
public final class DebeziumFirstOffset {

    static final String HEARTBEAT_INTERVAL = "heartbeat.interval.ms";

    private DebeziumFirstOffset() {
    }

    /** Whether {@code connector} is a Debezium PostgreSQL source that commits an offset with no change to capture. */
    public static boolean isExpected(ConnectorFile connector) {
        if (!DebeziumSlots.POSTGRES_CONNECTOR.equals(connector.connectorClass())) {
            return false;
        }
        String interval = connector.config().getOrDefault(HEARTBEAT_INTERVAL, "0").trim();
        try {
            return Long.parseLong(interval) > 0;
        } catch (NumberFormatException notANumber) {
            // Connect refuses such a config when the connector is created, with its own message
            return false;
        }
    }

    /**
     * Until {@code committed} answers true: the connector's committed source offsets, as Connect's
     * {@code GET /connectors/{name}/offsets} lists them, are not empty.
     */
    public static void await(String connector, Duration timeout, Callable<Boolean> committed) {
        BoundedWait.until("connector " + connector + " to commit its first source offset to Connect (its "
                + HEARTBEAT_INTERVAL + " makes it commit one before any change)", timeout, null, committed);
    }
}
