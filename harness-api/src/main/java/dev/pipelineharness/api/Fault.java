package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One entry of a scenario's fault timeline: injected {@code at} a time after generation starts and
 * healed after {@code for}. A fault acts through a {@linkplain Topology#capability capability} of
 * the topology; a topology that does not list {@link #kind()} in
 * {@link Topology#supportedFaults()} makes the scenario skip.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Fault {

    /** The fault's kind, as topologies list it ({@code kill}, {@code pause}, {@code link-latency}, ...). */
    String kind();

    String describe();

    void inject(FaultContext context) throws Exception;

    void heal(FaultContext context) throws Exception;
}
