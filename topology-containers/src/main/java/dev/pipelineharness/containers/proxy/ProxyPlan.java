package dev.pipelineharness.containers.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Toxiproxy port each proxy listens on, decided before any container starts: the brokers must
 * be told the proxies' addresses to advertise. Ports are handed out in order from the first of the
 * range Testcontainers' {@code ToxiproxyContainer} exposes (8666 to 8697).
 */
public final class ProxyPlan {

    /** The proxy ports Testcontainers' {@code ToxiproxyContainer} exposes. */
    public static final int FIRST_PORT = 8666;
    public static final int LAST_PORT = 8697;

    private final Map<String, ProxyRoute> routes = new LinkedHashMap<>();

    /** Adds a proxy in front of {@code upstreamHost:upstreamPort}; returns it with its listen port. */
    public ProxyRoute add(String name, String upstreamHost, int upstreamPort) {
        if (routes.containsKey(name)) {
            throw new IllegalArgumentException("Proxy " + name + " is planned twice");
        }
        int port = FIRST_PORT + routes.size();
        if (port > LAST_PORT) {
            throw new IllegalStateException("Toxiproxy exposes " + (LAST_PORT - FIRST_PORT + 1)
                    + " proxy ports, and " + name + " would be one more");
        }
        ProxyRoute route = new ProxyRoute(name, port, upstreamHost, upstreamPort);
        routes.put(name, route);
        return route;
    }

    /** @throws IllegalArgumentException naming the planned proxies when there is no {@code name} */
    public ProxyRoute route(String name) {
        ProxyRoute route = routes.get(name);
        if (route == null) {
            throw new IllegalArgumentException("No proxy " + name + " is planned; planned: " + routes.keySet());
        }
        return route;
    }

    public List<ProxyRoute> routes() {
        return List.copyOf(new ArrayList<>(routes.values()));
    }
}
