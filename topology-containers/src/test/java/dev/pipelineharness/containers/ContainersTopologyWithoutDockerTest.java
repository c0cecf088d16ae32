package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pipelineharness.api.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does where there is no Docker: it fails, cleans up, and closing stays safe. */
class ContainersTopologyWithoutDockerTest {

    @TempDir
    Path work;

    @Test
    void aStartWithoutDockerFailsAndLeavesTheTopologyClosable() {
        assumeThat(DockerAvailability.testcontainers().unavailableReason())
                .as("this machine has Docker; the start would succeed").isPresent();
        ContainersTopology topology = new ContainersTopology(
                new TopologySettings(work, false, Duration.ofSeconds(30), Map.of()),
                ContainersSettings.from(new TopologySettings(work, false, Duration.ofSeconds(30), Map.of())));

        assertThatThrownBy(topology::start).hasMessageContaining("Docker");
        assertThatThrownBy(topology::endpoints).hasMessageContaining("not started");
        topology.close();
        topology.close();
        assertThat(work.resolve("containers")).doesNotExist();
    }

    @Test
    void theBuildPutTheJarsForTheContainersAside() {
        assertThat(ContainerLibraries.flinkLib()).extracting(path -> path.getFileName().toString())
                .anySatisfy(name -> assertThat(name).startsWith("flink-connector-kafka-"))
                .anySatisfy(name -> assertThat(name).startsWith("kafka-clients-"))
                .anySatisfy(name -> assertThat(name).startsWith("flink-sql-avro-confluent-registry-"));
        assertThat(ContainerLibraries.dynamoDbConnector())
                .anySatisfy(path -> assertThat(path.toString()).contains("connect-dynamodb-streams"))
                .anySatisfy(path -> assertThat(path.getFileName().toString()).startsWith("dynamodb-"))
                .allSatisfy(path -> assertThat(Files.exists(path)).isTrue())
                .noneSatisfy(path -> assertThat(path.toString()).contains("harness-api"));
    }

    @Test
    void badTopologySettingsAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> ContainersSettings.from(new TopologySettings(work, false, Duration.ofSeconds(1),
                Map.of(ContainersSettings.TASK_SLOTS, "many"))))
                .hasMessageContaining("pipeline-harness.containers.flink.task-slots");
        assertThat(ContainersSettings.from(new TopologySettings(work, false, Duration.ofSeconds(1),
                Map.of(ContainersSettings.REUSE, "true"))).reuse()).isTrue();
    }
}
