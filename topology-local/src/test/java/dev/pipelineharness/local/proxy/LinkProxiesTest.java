package dev.pipelineharness.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.local.process.FreePorts;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkProxiesTest {

    private final InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    private LinkProxies proxies;
    private ServerSocket taken;

    @BeforeEach
    void start() throws IOException {
        proxies = LinkProxies.open();
        // a port someone outside the reservations bound after it was picked
        taken = new ServerSocket(FreePorts.pick(), 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        proxies.close();
        taken.close();
    }

    @Test
    void aPortTakenBeforeTheProxyBindsItCostsAnotherPick() {
        int free = FreePorts.pick();
        AtomicInteger picks = new AtomicInteger();

        LinkProxy proxy = proxies.create("link", () -> picks.incrementAndGet() == 1 ? taken.getLocalPort() : free, target);

        assertThat(proxy.port()).isEqualTo(free);
        assertThat(picks).hasValue(2);
    }

    @Test
    void picksAreBounded() {
        AtomicInteger picks = new AtomicInteger();

        assertThatThrownBy(() -> proxies.create("link", () -> {
            picks.incrementAndGet();
            return taken.getLocalPort();
        }, target)).hasRootCauseInstanceOf(BindException.class);
        assertThat(picks).hasValue(5);
    }
}
