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

    /**
     * Injects the fault and returns once it took effect as far as the topology can observe; records
     * that observation with {@link FaultContext#evidence}. A fault that had no effect throws, so its
     * scenario fails with that message instead of passing on a fault that never happened.
     */
    void inject(FaultContext context) throws Exception;

    /** Removes the fault (and waits, bounded, until its target is ready again). Always safe to call. */
    void heal(FaultContext context) throws Exception;

    /**
     * Whether this fault disturbs every scenario on the topology (a broker, the Connect worker, a link
     * all scenarios use): such a scenario runs alone, and the topology must be ready again before the
     * next one starts. By default true: only a fault that knows its target is its scenario's own says no.
     */
    default boolean disturbsOtherScenarios(Topology topology) {
        return true;
    }

    /**
     * Checks, before anything is deployed, that the topology has this fault's target; throws a
     * {@link ScenarioDefinitionException} naming the file, line and the unknown component or link.
     */
    default void validate(Topology topology) {
    }
}
