package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.support.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The components and links a topology lets faults act on, found with
 * {@link dev.pipelineharness.api.Topology#capability capability(TopologyControl.class)}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface TopologyControl {

    /** The shared components and those {@code deployment} owns (its Flink job, its connectors), shared ones first. */
    List<ComponentControl> components(Deployment deployment);

    /** The components every scenario shares, for the readiness check after a scenario that faulted them. */
    List<ComponentControl> sharedComponents();

    /**
     * The names of every component (including those a deployment will own) and link, known before the
     * topology starts, so a fault naming an unknown one is refused before anything is deployed.
     */
    Set<String> componentNames();

    Set<String> linkNames();

    /**
     * Whether a fault may name this component before the topology starts. By default one of
     * {@link #componentNames()}; a topology whose components follow the pipeline (a managed connector
     * per connector file) accepts their pattern and lists the fixed ones in {@code componentNames()}.
     */
    default boolean hasComponent(String name) {
        return componentNames().contains(name);
    }

    default boolean hasLink(String name) {
        return linkNames().contains(name);
    }

    /**
     * Whom a fault on the component or link named {@code name} disturbs, known before the topology
     * starts, so the engine can decide before deploying that a scenario runs alone.
     */
    Scope scopeOf(String name);

    /** The links a fault may act on for {@code deployment}. */
    List<LinkControl> links(Deployment deployment);

    /**
     * Every operation some component of this topology supports, including those a deployment will own
     * once deployed: known before anything is deployed, so unsupported faults skip their scenario early.
     */
    Set<ComponentOperation> componentOperations();

    /** Every operation some link of this topology supports. */
    Set<LinkOperation> linkOperations();

    /** The fault kinds this control offers, as {@link dev.pipelineharness.api.Topology#supportedFaults()} lists them. */
    default Set<String> faultKinds() {
        Set<String> kinds = new LinkedHashSet<>();
        componentOperations().forEach(operation -> kinds.add(operation.faultKind()));
        linkOperations().forEach(operation -> kinds.add(operation.faultKind()));
        return Set.copyOf(kinds);
    }

    /** The component named {@code name}; an unknown name is an error listing the known ones. */
    default ComponentControl component(Deployment deployment, String name) {
        List<ComponentControl> all = components(deployment);
        return all.stream().filter(component -> component.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown("component", name, all.stream().map(ComponentControl::name).toList()));
    }

    /** The link named {@code name}; an unknown name is an error listing the known ones. */
    default LinkControl link(Deployment deployment, String name) {
        List<LinkControl> all = links(deployment);
        return all.stream().filter(link -> link.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown("link", name, all.stream().map(LinkControl::name).toList()));
    }

    private static IllegalArgumentException unknown(String kind, String name, List<String> known) {
        return new IllegalArgumentException("no " + kind + " '" + name + "'" + Suggestions.didYouMean(name, known)
                + " on this topology; it has " + String.join(", ", known));
    }
}
