package dev.pipelineharness.containers;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code topology: containers}: the embedded topology's components as containers, for machines with
 * Docker. Without a Docker environment, Testcontainers' own detection says why, and every scenario on
 * this topology is skipped with that reason.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ContainersTopologyProvider implements TopologyProvider {

    static final String NAME = "containers";

    private final DockerAvailability docker;

    /** For {@link java.util.ServiceLoader}: Docker as Testcontainers finds it. */
    public ContainersTopologyProvider() {
        this(DockerAvailability.testcontainers());
    }

    ContainersTopologyProvider(DockerAvailability docker) {
        this.docker = docker;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason(TopologySettings settings) {
        return docker.unavailableReason();
    }

    @Override
    public Topology create(TopologySettings settings) {
        return new ContainersTopology(settings, ContainersSettings.from(settings));
    }
}
