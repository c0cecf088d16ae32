package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.containers.proxy.LinkProxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A named link of the containers topology: one or more Toxiproxy proxies acted on together
 * ({@code east.kafka} is every path into east's broker). Faults map onto Toxiproxy as follows:
 * latency and bandwidth are toxics of those names each way, a stall is a {@code timeout} toxic with
 * timeout 0 (data held, connections open), a reset disables and re-enables the proxy (Toxiproxy closes
 * every connection of a disabled proxy), a cut disables it until healed. The state is read back from
 * Toxiproxy. Toxiproxy does not report how many connections pass through a proxy, so
 * {@link LinkState#openConnections()} is always 0 here.
 */
public final class ToxiproxyLinkControl implements LinkControl {

    public static final Set<LinkOperation> OPERATIONS = Set.copyOf(EnumSet.allOf(LinkOperation.class));

    private final String name;
    private final List<LinkProxy> proxies;

    public ToxiproxyLinkControl(String name, List<LinkProxy> proxies) {
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
        List<LinkProxy.ProxyState> states = proxies.stream().map(LinkProxy::state).toList();
        LinkProxy.ProxyState first = states.get(0);
        boolean stalled = states.stream().anyMatch(LinkProxy.ProxyState::stalled);
        boolean cut = states.stream().anyMatch(state -> !state.enabled());
        return new LinkState(first.latency(), first.jitter(), first.kilobytesPerSecond() * 1024, stalled, cut, 0);
    }

    @Override
    public void latency(Duration latency, Duration jitter) {
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative: " + latency + ", " + jitter);
        }
        proxies.forEach(proxy -> proxy.latency(latency, jitter));
    }

    /** Toxiproxy limits in whole KB per second: the limit is rounded up to the next KB. */
    @Override
    public void bandwidth(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a bandwidth limit must be more than 0 bytes per second: " + bytesPerSecond);
        }
        long kilobytes = (bytesPerSecond + 1023) / 1024;
        proxies.forEach(proxy -> proxy.bandwidth(kilobytes));
    }

    @Override
    public void stall() {
        proxies.forEach(LinkProxy::stall);
    }

    @Override
    public void reset() {
        proxies.forEach(proxy -> proxy.enabled(false));
        proxies.forEach(proxy -> proxy.enabled(true));
    }

    @Override
    public void cut() {
        proxies.forEach(proxy -> proxy.enabled(false));
    }

    @Override
    public void heal() {
        proxies.forEach(proxy -> {
            proxy.removeToxics();
            proxy.enabled(true);
        });
    }

    @Override
    public String toString() {
        return "link " + name + " " + proxies;
    }
}
