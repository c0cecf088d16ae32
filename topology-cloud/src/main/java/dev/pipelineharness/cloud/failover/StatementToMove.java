package dev.pipelineharness.cloud.failover;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A continuous Flink statement of a deployment as it was submitted in the primary region: what the
 * failover runbook submits again, under a new name, against the DR cluster.
 *
 * @param properties the statement's {@code SET} options (not the catalog and database, which are the region's)
 */
@API(status = INTERNAL, since = "0.2")
public record StatementToMove(String name, String sql, Map<String, String> properties) {

    public StatementToMove {
        properties = Map.copyOf(properties);
    }
}
