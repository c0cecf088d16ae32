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

    /** Testcontainers' own detection ({@link DockerClientFactory#isDockerAvailable()}). */
    static DockerAvailability testcontainers() {
        return () -> {
            DockerClientFactory docker = DockerClientFactory.instance();
            if (docker.isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of(reason(lastFailure(docker)));
        };
    }

    /** The message a skipped scenario shows. */
    static String reason(String detail) {
        return "no Docker environment: " + (detail == null || detail.isBlank()
                ? "Testcontainers found no Docker engine (set DOCKER_HOST or start Docker)"
                : detail);
    }

    /** What went wrong in Testcontainers' detection, when it says; it throws with every strategy it tried. */
    private static String lastFailure(DockerClientFactory docker) {
        try {
            docker.client();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
