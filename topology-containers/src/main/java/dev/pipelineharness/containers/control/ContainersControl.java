package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.containers.proxy.LinkProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The containers topology's components and links under the names scenarios use. Every component is a
 * container: kill, pause and restart go to the container runtime. Every link is one or more Toxiproxy
 * proxies. {@code flink} is the TaskManager that runs every deployment's tasks (one session cluster is
 * shared), so it is {@link Scope#SHARED} here and a scenario that faults it runs alone; it is listed for
 * a deployment with a Flink job, ready again when that job and its tasks run.
 */
public final class ContainersControl implements TopologyControl {

    private final ContainerRuntime runtime;
    private final List<ComponentControl> shared;
    private final List<LinkControl> links;
    private final Function<Deployment, Optional<ComponentSpec>> deploymentFlink;

    /**
     * @param links           link name to the names of its proxies ({@code ContainersLayout.links()})
     * @param proxies         every proxy by name
     * @param deploymentFlink the TaskManager as one deployment's {@code flink}, if it has a job
     */
    public ContainersControl(ContainerRuntime runtime, List<ComponentSpec> shared, Map<String, List<String>> links,
                             Map<String, LinkProxy> proxies, Function<Deployment, Optional<ComponentSpec>> deploymentFlink) {
        this.runtime = runtime;
        this.shared = shared.stream().map(this::control).toList();
        List<LinkControl> linkControls = new ArrayList<>();
        links.forEach((name, proxyNames) -> linkControls.add(new ToxiproxyLinkControl(name, proxyNames.stream()
                .map(proxy -> {
                    LinkProxy found = proxies.get(proxy);
                    if (found == null) {
                        throw new IllegalArgumentException("link " + name + " needs proxy " + proxy
                                + ", which does not exist; proxies: " + proxies.keySet());
                    }
                    return found;
                }).toList())));
        this.links = List.copyOf(linkControls);
        this.deploymentFlink = deploymentFlink;
    }

    private ComponentControl control(ComponentSpec spec) {
        return new ContainerComponentControl(spec.name(), Scope.SHARED, spec.readiness(), spec.containerId(), runtime,
                spec.ready());
    }

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        List<ComponentControl> all = new ArrayList<>(shared);
        deploymentFlink.apply(deployment).ifPresent(flink -> all.add(control(flink)));
        return List.copyOf(all);
    }

    @Override
    public List<ComponentControl> sharedComponents() {
        return shared;
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return links;
    }

    /** The shared containers and {@code flink}, which a deployment with a job lists. */
    @Override
    public Set<String> componentNames() {
        Set<String> names = new java.util.TreeSet<>(Set.of("flink"));
        shared.forEach(component -> names.add(component.name()));
        return Set.copyOf(names);
    }

    @Override
    public Set<String> linkNames() {
        Set<String> names = new java.util.TreeSet<>();
        links.forEach(link -> names.add(link.name()));
        return Set.copyOf(names);
    }

    /** Every container and proxy serves all scenarios; even {@code flink} is the one shared TaskManager. */
    @Override
    public Scope scopeOf(String name) {
        return Scope.SHARED;
    }

    @Override
    public Set<ComponentOperation> componentOperations() {
        return ContainerComponentControl.OPERATIONS;
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return ToxiproxyLinkControl.OPERATIONS;
    }
}
