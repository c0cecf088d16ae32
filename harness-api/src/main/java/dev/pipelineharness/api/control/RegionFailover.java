package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.RegionSwitch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A topology's regions and the failover runbook between them (active region, passive replica), found
 * with {@link dev.pipelineharness.api.Topology#capability capability(RegionFailover.class)}. The
 * {@code region-outage} fault drives it in four steps, each returning what the topology observed:
 *
 * <ol>
 *   <li>{@link #prepare}: before the outage, what the runbook will move must exist (a downstream
 *       consumer group on one of the deployment's output topics, consuming in the active region) and
 *       the replication must have carried its position to the passive region;</li>
 *   <li>{@link #takeDown}: the region goes away (embedded: every link into its brokers cut, the
 *       brokers killed; a cloud drill cannot destroy a region and takes it away by promoting the
 *       mirrors instead);</li>
 *   <li>{@link #failover}: the runbook as a team would run it: producers moved, the deployment's
 *       streaming job resubmitted against the passive region from the replicated, offset-translated
 *       position, the consumer group resumed there; the cutover position of every topic recorded;</li>
 *   <li>{@link #bringBack}: the heal, so the next scenario finds the topology as before.</li>
 * </ol>
 *
 * <p>The embedded topology implements it with MirrorMaker 2 (checkpoints and group offset sync);
 * the cloud topology can with Cluster Linking ({@code mirrors:failover}, where mirror topics keep the
 * source's offsets, so the translation is the identity).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface RegionFailover {

    /** The fault kind a topology with this capability lists in {@code supportedFaults()}. */
    String FAULT_KIND = "region-outage";

    /** Each region that can fail over, with the regions it can fail over to; known before the topology starts. */
    Map<String, Set<String>> failoverTargets();

    /**
     * Before the outage: starts what the runbook will move for {@code deployment} (a downstream
     * consumer group on each of {@code downstreamTopics}, logical names of the pipeline's topics) and
     * waits, at most {@code timeout}, until {@code to} holds its replicated position. Returns the
     * evidence; a replication that never carried the position is evidence too (the drill's check
     * judges it), not an error.
     */
    String prepare(Deployment deployment, String from, String to, List<String> downstreamTopics, Duration timeout)
            throws Exception;

    /** Takes {@code region} away and returns once that is observable (its brokers refuse connections). */
    Outage takeDown(String region) throws Exception;

    /**
     * Runs the failover runbook for {@code deployment} from the region of {@code outage} to {@code to},
     * moving the producers with {@code producers}; every wait bounded by {@code timeout}. Each step is
     * told to {@code steps} as it completes (for the run's timeline) and listed in the report.
     */
    FailoverReport failover(Deployment deployment, Outage outage, String to, RegionSwitch producers,
                            Consumer<String> steps, Duration timeout) throws Exception;

    /** Brings {@code region} back on its data and returns, within {@code timeout}, once it is ready; the evidence. */
    String bringBack(String region, Duration timeout) throws Exception;
}
