package dev.pipelineharness.containers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerComponentControlTest {

    private final FakeContainerRuntime runtime = new FakeContainerRuntime();
    private final List<Duration> readinessWaits = new ArrayList<>();
    private final ContainerComponentControl broker = new ContainerComponentControl("kafka.east", Scope.SHARED,
            "answers a metadata request", () -> "c-east", runtime, readinessWaits::add, Duration.ofMillis(300));

    @Test
    void offersKillPauseAndRestart() {
        assertThat(broker.operations()).containsExactlyInAnyOrder(ComponentOperation.values());
        assertThat(broker.name()).isEqualTo("kafka.east");
        assertThat(broker.scope()).isEqualTo(Scope.SHARED);
    }

    @Test
    void killIsDockerKillAndTheStoppedContainerIsTheEvidence() {
        broker.kill();

        assertThat(runtime.calls).containsExactly("kill c-east");
        assertThat(broker.state()).isEqualTo(ComponentState.STOPPED);
    }

    @Test
    void pauseAndResumeAreDockerPauseAndUnpause() {
        broker.pause();
        assertThat(broker.state()).isEqualTo(ComponentState.PAUSED);
        broker.resume();

        assertThat(runtime.calls).containsExactly("pause c-east", "unpause c-east");
        assertThat(broker.state()).isEqualTo(ComponentState.RUNNING);
    }

    @Test
    void restartOfARunningContainerStopsStartsAndWaitsForReadiness() throws Exception {
        broker.restart(Duration.ofSeconds(42));

        assertThat(runtime.calls).containsExactly("stop c-east", "start c-east");
        assertThat(readinessWaits).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void restartAfterAKillOnlyStartsTheContainerOnItsFilesystem() throws Exception {
        broker.kill();
        broker.restart(Duration.ofSeconds(5));

        assertThat(runtime.calls).containsExactly("kill c-east", "start c-east");
        assertThat(broker.state()).isEqualTo(ComponentState.RUNNING);
    }

    @Test
    void restartOfAPausedContainerUnpausesItFirst() throws Exception {
        broker.pause();
        broker.restart(Duration.ofSeconds(5));

        assertThat(runtime.calls).containsExactly("pause c-east", "unpause c-east", "stop c-east", "start c-east");
    }

    @Test
    void aRuntimeThatDoesNotKillIsCaughtWithinTheBound() {
        runtime.takesEffect = false;

        assertThatThrownBy(broker::kill)
                .hasMessageContaining("container of kafka.east to be stopped after docker kill");
    }

    @Test
    void aComponentThatNeverGetsReadyFailsTheRestart() {
        ContainerComponentControl stuck = new ContainerComponentControl("connect", Scope.SHARED, "lists plugins",
                () -> "c-connect", runtime, timeout -> {
                    throw new IllegalStateException("Timed out waiting for Kafka Connect");
                }, Duration.ofMillis(300));

        assertThatThrownBy(() -> stuck.restart(Duration.ofSeconds(1))).hasMessageContaining("Kafka Connect");
    }
}
