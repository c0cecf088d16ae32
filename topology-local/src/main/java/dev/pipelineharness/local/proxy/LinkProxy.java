package dev.pipelineharness.local.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy in front of one link (a client to a broker listener, Connect to PostgreSQL, MirrorMaker
 * to a region), through which faults act on that link alone: added latency, a bandwidth limit, a
 * freeze (connections stay open, nothing flows), a reset of every connection, and a cut (new
 * connections refused, open ones dropped) until {@link #restore()}.
 *
 * <p>Connections are closed abortively (SO_LINGER 0), so a {@link #reset()} or {@link #cut()} reaches
 * both ends as a TCP RST, as a crashed middlebox would. Created through {@link LinkProxies}.
 */
public final class LinkProxy {

    private final String name;
    private final InetSocketAddress target;
    private final LinkShaping shaping = new LinkShaping();
    private final TcpCrusher crusher;

    LinkProxy(String name, NioReactor reactor, int localPort, InetSocketAddress target) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
        this.crusher = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort))
                .withConnectAddress(target)
                .withLingerMs(0)
                .withTcpNoDelay(true)
                .withIncomingThrottlerFactory(client -> shaping.newThrottler())
                .withOutgoingThrottlerFactory(client -> shaping.newThrottler())
                .buildAndOpen();
    }

    public String name() {
        return name;
    }

    /** The port clients connect to (on the loopback interface). */
    public int port() {
        return crusher.getBindAddress().getPort();
    }

    /** {@code 127.0.0.1:port}, as clients and {@code advertised.listeners} use it. */
    public String hostAndPort() {
        return crusher.getBindAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Where the proxy forwards to. */
    public InetSocketAddress target() {
        return target;
    }

    /** Delays every chunk of data, each way, by {@code latency}; {@link Duration#ZERO} removes it. */
    public void latency(Duration latency) {
        shaping.latency(latency);
    }

    /** Delays every chunk of data, each way, by {@code latency} give or take up to {@code jitter}, in order. */
    public void latency(Duration latency, Duration jitter) {
        shaping.latency(latency, jitter);
    }

    /** Limits each connection, each way, to {@code bytesPerSecond}; 0 removes the limit. */
    public void throttle(long bytesPerSecond) {
        shaping.throttle(bytesPerSecond);
    }

    /**
     * Stalls the link: open connections stay open but no byte moves, and new connections wait in the
     * listen backlog. Clients see timeouts, not errors.
     */
    public void freeze() {
        if (crusher.isOpen() && !crusher.isFrozen()) {
            crusher.freeze();
        }
    }

    public void unfreeze() {
        if (crusher.isOpen() && crusher.isFrozen()) {
            crusher.unfreeze();
        }
    }

    /** Resets every open connection (RST to both ends); new connections are accepted as before. */
    public void reset() {
        if (crusher.isOpen()) {
            crusher.closeAllPairs();
        }
    }

    /** Partitions the link: new connections are refused and open ones are reset, until {@link #restore()}. */
    public void cut() {
        if (crusher.isOpen()) {
            crusher.close();
        }
    }

    /** Accepts connections again after {@link #cut()}. */
    public void restore() {
        if (!crusher.isOpen()) {
            crusher.open();
        }
    }

    /** Removes every fault: restored, unfrozen, no latency, no bandwidth limit. */
    public void heal() {
        shaping.clear();
        restore();
        unfreeze();
    }

    public boolean isCut() {
        return !crusher.isOpen();
    }

    public boolean isFrozen() {
        return crusher.isOpen() && crusher.isFrozen();
    }

    public Duration latency() {
        return shaping.latency();
    }

    public Duration jitter() {
        return shaping.jitter();
    }

    /** The bandwidth limit per connection and direction; 0 when unlimited. */
    public long bytesPerSecond() {
        return shaping.bytesPerSecond();
    }

    /** How many client connections pass through the proxy now. */
    public int openConnections() {
        return crusher.isOpen() ? crusher.getClientAddresses().size() : 0;
    }

    void close() {
        crusher.close();
    }

    @Override
    public String toString() {
        return "link " + name + " (" + hostAndPort() + " -> " + target.getHostString() + ":" + target.getPort() + ")";
    }
}
