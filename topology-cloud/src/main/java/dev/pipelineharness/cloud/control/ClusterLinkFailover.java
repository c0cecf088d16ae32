package dev.pipelineharness.cloud.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cluster Linking failover of a deployment's mirror topics in the DR region, found with
 * {@code topology.capability(ClusterLinkFailover.class)}: the take-down step of the cloud's
 * {@link dev.pipelineharness.api.control.RegionFailover} ({@code CloudRegionFailover}), which the
 * {@code region-outage} fault drives; guarded like every destructive operation.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface ClusterLinkFailover {

    /**
     * What the DR cluster held when the mirrors were failed over, as the API reported it just before
     * the call: per topic the total mirror lag (records the DR cluster did not have yet: Confluent's
     * measure of the RPO) and per topic and partition the last source offset fetched (mirrors keep
     * the source's offsets, so a check compares the ledger's acknowledged offsets with these to count
     * the events lost at cutover); and when the mirrors were writable (the cloud's share of the RTO).
     */
    record FailoverEvidence(String link, Instant requestedAt, Instant stoppedAt, Map<String, Long> mirrorLagAtCutover,
                            Map<String, Map<Integer, Long>> drOffsetsAtCutover) {
        public Duration took() {
            return Duration.between(requestedAt, stoppedAt);
        }
    }

    /** The region whose cluster holds the mirrors, such as {@code west}. */
    String drRegion();

    /** Fails over every mirror topic of {@code deployment} ({@code mirrors:failover}), returning once each is STOPPED. */
    FailoverEvidence failover(Deployment deployment, Duration timeout);
}
