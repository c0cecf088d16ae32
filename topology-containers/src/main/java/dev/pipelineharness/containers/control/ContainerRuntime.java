package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.control.ComponentState;
import java.time.Duration;

/**
 * What the container runtime can do to a running container, by its id: the operations process faults
 * map onto. {@link DockerContainerRuntime} is Docker's; tests use a fake.
 */
public interface ContainerRuntime {

    /** SIGKILL to the container's main process: it stops at once, its filesystem stays. */
    void kill(String containerId);

    /** Freezes every process of the container (the cgroup freezer): alive, answering nothing. */
    void pause(String containerId);

    void unpause(String containerId);

    /** SIGTERM, then SIGKILL after {@code grace}. */
    void stop(String containerId, Duration grace);

    /** Starts a stopped container again, on the filesystem it had. */
    void start(String containerId);

    /** What the runtime says the container is doing: the evidence a fault took effect. */
    ComponentState state(String containerId);
}
