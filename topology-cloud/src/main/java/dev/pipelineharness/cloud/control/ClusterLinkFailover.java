package dev.pipelineharness.cloud.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cluster Linking failover of a deployment's mirror topics in the DR region, found with
 * {@code topology.capability(ClusterLinkFailover.class)}: the cloud's step of the failover runbook.
 * The control SPI has no failover operation yet (the faults issue owns that vocabulary), so this is a
 * capability of the cloud topology; it is guarded like every destructive operation.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface ClusterLinkFailover {

    /**
     * What the DR cluster held when the mirrors were failed over: per topic, the lag the API
     * reported just before the call (records the DR cluster did not have: the RPO's upper bound as
     * Confluent defines it), and when the mirrors were writable.
     */
    record FailoverEvidence(String link, Instant requestedAt, Instant stoppedAt, Map<String, Long> mirrorLagAtCutover) {
        public Duration took() {
            return Duration.between(requestedAt, stoppedAt);
        }
    }

    /** The region whose cluster holds the mirrors, such as {@code west}. */
    String drRegion();

    /** Fails over every mirror topic of {@code deployment} ({@code mirrors:failover}), returning once each is STOPPED. */
    FailoverEvidence failover(Deployment deployment, Duration timeout);
}
