package dev.pipelineharness.containers.control;

import java.util.function.Supplier;

/**
 * A component of the containers topology before it is given the control SPI's shape: its name (the
 * vocabulary scenarios use), what "ready" means, its container and how to wait for it.
 */
public record ComponentSpec(String name, String readiness, Supplier<String> containerId,
                            ContainerComponentControl.Readiness ready) {
}
