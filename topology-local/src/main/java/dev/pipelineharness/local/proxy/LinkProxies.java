package dev.pipelineharness.local.proxy;

import dev.pipelineharness.local.process.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.netcrusher.NetCrusherException;
import org.netcrusher.core.reactor.NioReactor;

/**
 * Every {@link LinkProxy} of a topology, by name, sharing one netcrusher reactor (one selector
 * thread for all links). Closing it closes every proxy.
 */
public final class LinkProxies implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 5;

    private final NioReactor reactor;
    private final Map<String, LinkProxy> proxies = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;

    private LinkProxies(NioReactor reactor) {
        this.reactor = reactor;
    }

    public static LinkProxies open() {
        try {
            return new LinkProxies(new NioReactor());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the proxies' NIO reactor", e);
        }
    }

    /**
     * A proxy on a free loopback port forwarding to {@code target}. The proxy binds the port itself, so
     * a port taken between the pick and the bind (by a process outside the port reservations) costs
     * another pick, not the topology's start.
     */
    public LinkProxy create(String name, InetSocketAddress target) {
        return create(name, FreePorts::pick, target);
    }

    LinkProxy create(String name, IntSupplier freePorts, InetSocketAddress target) {
        for (int attempt = 1; ; attempt++) {
            try {
                return create(name, freePorts.getAsInt(), target);
            } catch (NetCrusherException e) {
                if (attempt == BIND_ATTEMPTS || !causedByBind(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean causedByBind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A proxy on {@code localPort} forwarding to {@code target}; the target need not listen yet
     * (connections made before it does are closed at once).
     *
     * @throws IllegalArgumentException if a proxy of that name exists
     */
    public synchronized LinkProxy create(String name, int localPort, InetSocketAddress target) {
        if (closed) {
            throw new IllegalStateException("The link proxies are closed; cannot create " + name);
        }
        if (proxies.containsKey(name)) {
            throw new IllegalArgumentException("A link proxy named '" + name + "' exists already: " + proxies.get(name));
        }
        LinkProxy proxy = new LinkProxy(name, reactor, localPort, target);
        proxies.put(name, proxy);
        return proxy;
    }

    /** @throws IllegalArgumentException naming the known links if there is no proxy called {@code name} */
    public LinkProxy get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "No link proxy named '" + name + "'; known links: " + names()));
    }

    public Optional<LinkProxy> find(String name) {
        return Optional.ofNullable(proxies.get(name));
    }

    public List<String> names() {
        synchronized (proxies) {
            return List.copyOf(proxies.keySet());
        }
    }

    public List<LinkProxy> all() {
        synchronized (proxies) {
            return List.copyOf(proxies.values());
        }
    }

    /** Removes every fault from every link (after a scenario, say). */
    public void healAll() {
        all().forEach(LinkProxy::heal);
    }

    /** Closes one proxy and forgets it (when its component is gone for good). */
    public synchronized void remove(String name) {
        LinkProxy proxy = proxies.remove(name);
        if (proxy != null) {
            proxy.close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (LinkProxy proxy : all()) {
            try {
                proxy.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        proxies.clear();
        reactor.close();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Closing link proxies failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
