package dev.pipelineharness.containers.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.pipelineharness.api.control.ComponentState;
import java.time.Duration;

/**
 * {@link ContainerRuntime} on the Docker client Testcontainers made. Testcontainers' own
 * {@code stop()} removes a container; faults need it stopped and started again on its data, so they go
 * to Docker's API directly.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    private final DockerClient docker;

    public DockerContainerRuntime(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public void kill(String containerId) {
        docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
    }

    @Override
    public void pause(String containerId) {
        docker.pauseContainerCmd(containerId).exec();
    }

    @Override
    public void unpause(String containerId) {
        docker.unpauseContainerCmd(containerId).exec();
    }

    @Override
    public void stop(String containerId, Duration grace) {
        docker.stopContainerCmd(containerId).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
    }

    @Override
    public void start(String containerId) {
        docker.startContainerCmd(containerId).exec();
    }

    @Override
    public ComponentState state(String containerId) {
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
        return ContainerStates.of(state.getStatus());
    }
}
