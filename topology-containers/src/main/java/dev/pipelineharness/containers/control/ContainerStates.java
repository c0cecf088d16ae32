package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.control.ComponentState;

/** Docker's container status ({@code docker inspect}'s {@code State.Status}) as a component's state. */
final class ContainerStates {

    private ContainerStates() {
    }

    /** {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code removing}, {@code exited}, {@code dead}. */
    static ComponentState of(String status) {
        if (status == null) {
            return ComponentState.STOPPED;
        }
        return switch (status) {
            case "running", "restarting" -> ComponentState.RUNNING;
            case "paused" -> ComponentState.PAUSED;
            default -> ComponentState.STOPPED;
        };
    }
}
