package dev.pipelineharness.containers;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker environment is there, as Testcontainers itself decides (it tries every strategy it
 * knows: {@code DOCKER_HOST}, the socket, Testcontainers Cloud, ...). The reason it gives is what a
 * skipped scenario reports.
 */
@FunctionalInterface
public interface DockerAvailability {

    /** Empty when Docker is there; otherwise why not, starting with {@code no Docker environment: }. */
    Optional<String> unavailableReason();

    /**
     * Testcontainers' own detection ({@link DockerClientFactory#isDockerAvailable()}). It keeps the
     * exception of a failed detection to itself (later calls only say "Previous attempts ... failed"),
     * so the reason names what it tried; its log lists each attempt with its error.
     */
    static DockerAvailability testcontainers() {
        return () -> DockerClientFactory.instance().isDockerAvailable()
                ? Optional.empty()
                : Optional.of(reason("Testcontainers' detection (DockerClientFactory.isDockerAvailable()) found no "
                        + "Docker engine; it tried DOCKER_HOST (" + describe(System.getenv("DOCKER_HOST"))
                        + "), the local Docker socket and ~/.testcontainers.properties; its log names each attempt"));
    }

    /** The message a skipped scenario shows. */
    static String reason(String detail) {
        return "no Docker environment: " + (detail == null || detail.isBlank()
                ? "Testcontainers found no Docker engine (set DOCKER_HOST or start Docker)"
                : detail);
    }

    private static String describe(String dockerHost) {
        return dockerHost == null || dockerHost.isBlank() ? "not set" : dockerHost;
    }
}
