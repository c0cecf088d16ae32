package dev.pipelineharness.containers.proxy;

/**
 * One Toxiproxy proxy: it listens on {@code listenPort} inside the Toxiproxy container and forwards to
 * {@code upstreamHost:upstreamPort} on the Docker network (a network alias, so a restarted container with a
 * new address is still found).
 */
public record ProxyRoute(String name, int listenPort, String upstreamHost, int upstreamPort) {

    /** The {@code listen} value Toxiproxy's API takes. */
    public String listen() {
        return "0.0.0.0:" + listenPort;
    }

    /** The {@code upstream} value Toxiproxy's API takes. */
    public String upstream() {
        return upstreamHost + ":" + upstreamPort;
    }
}
