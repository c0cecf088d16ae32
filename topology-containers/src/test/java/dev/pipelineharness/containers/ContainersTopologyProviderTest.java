package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainersTopologyProviderTest {

    @TempDir
    Path work;

    private TopologySettings settings() {
        return new TopologySettings(work, false, Duration.ofMinutes(3), Map.of());
    }

    @Test
    void isFoundByServiceLoaderAsContainers() {
        assertThat(ServiceLoader.load(TopologyProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("containers")))
                .singleElement().isInstanceOf(ContainersTopologyProvider.class);
    }

    @Test
    void withoutDockerItSaysWhyInTheWordsSkipsReport() {
        ContainersTopologyProvider provider = new ContainersTopologyProvider(
                () -> Optional.of(DockerAvailability.reason("Could not find a valid Docker environment")));

        assertThat(provider.unavailableReason(settings()))
                .hasValue("no Docker environment: Could not find a valid Docker environment");
    }

    @Test
    void withDockerItIsAvailable() {
        assertThat(new ContainersTopologyProvider(Optional::empty).unavailableReason(settings())).isEmpty();
    }

    /** On this machine (no Docker engine) the reason comes from Testcontainers' own detection. */
    @Test
    void testcontainersOwnDetectionGivesTheReason() {
        Optional<String> reason = DockerAvailability.testcontainers().unavailableReason();
        assumeThat(reason).as("a Docker environment is present, so there is no reason to check").isPresent();

        assertThat(reason.get()).startsWith("no Docker environment: ").hasSizeGreaterThan(30);
    }

    @Test
    void createsTheTopologyWithoutTouchingDocker() {
        try (Topology topology = new ContainersTopologyProvider(Optional::empty).create(settings())) {
            assertThat(topology.name()).isEqualTo("containers");
            assertThat(topology.supportedFaults()).contains("kill", "pause", "restart", "link-cut", "link-latency");
        }
    }

    @Test
    void theBlankEmptyReasonStillSaysWhatToDo() {
        assertThat(DockerAvailability.reason(null)).startsWith("no Docker environment: ").contains("DOCKER_HOST");
    }
}
