package dev.pipelineharness.local.control;

import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.local.proxy.LinkProxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A named link of the embedded topology: one or more {@link LinkProxy}s acted on together
 * ({@code east.kafka} is every path into east's broker). Its state is read back from the proxies.
 */
final class ProxyLinkControl implements LinkControl {

    private static final Set<LinkOperation> OPERATIONS = Set.copyOf(EnumSet.allOf(LinkOperation.class));

    private final String name;
    private final List<LinkProxy> proxies;

    ProxyLinkControl(String name, List<LinkProxy> proxies) {
        if (proxies.isEmpty()) {
            throw new IllegalArgumentException("link " + name + " needs at least one proxy");
        }
        this.name = name;
        this.proxies = List.copyOf(proxies);
    }

    @Override
    public String name() {
        return name;
    }

    /** Every proxy carries the traffic of all scenarios. */
    @Override
    public Scope scope() {
        return Scope.SHARED;
    }

    @Override
    public Set<LinkOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public LinkState state() {
        LinkProxy first = proxies.get(0);
        int connections = proxies.stream().mapToInt(LinkProxy::openConnections).sum();
        boolean stalled = proxies.stream().anyMatch(LinkProxy::isFrozen);
        boolean cut = proxies.stream().anyMatch(LinkProxy::isCut);
        return new LinkState(first.latency(), first.jitter(), first.bytesPerSecond(), stalled, cut, connections);
    }

    @Override
    public void latency(Duration latency, Duration jitter) {
        proxies.forEach(proxy -> proxy.latency(latency, jitter));
    }

    @Override
    public void bandwidth(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a bandwidth limit must be more than 0 bytes per second: " + bytesPerSecond);
        }
        proxies.forEach(proxy -> proxy.throttle(bytesPerSecond));
    }

    @Override
    public void stall() {
        proxies.forEach(LinkProxy::freeze);
    }

    @Override
    public void reset() {
        proxies.forEach(LinkProxy::reset);
    }

    @Override
    public void cut() {
        proxies.forEach(LinkProxy::cut);
    }

    @Override
    public void heal() {
        proxies.forEach(LinkProxy::heal);
    }

    @Override
    public String toString() {
        return "link " + name + " " + proxies;
    }
}
