package dev.pipelineharness.containers.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.control.ComponentState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerStatesTest {

    @ParameterizedTest
    @CsvSource({"running, RUNNING", "restarting, RUNNING", "paused, PAUSED", "exited, STOPPED", "dead, STOPPED",
            "created, STOPPED", "removing, STOPPED"})
    void dockerStatusesMapOntoComponentStates(String status, ComponentState expected) {
        assertThat(ContainerStates.of(status)).isEqualTo(expected);
    }
}
