package dev.pipelineharness.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkProxyTest {

    private EchoServer echo;
    private LinkProxies proxies;
    private LinkProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxies = LinkProxies.open();
        proxy = proxies.create("echo", echo.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxies.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");
        }
        assertThat(proxy.hostAndPort()).isEqualTo("127.0.0.1:" + proxy.port());
    }

    @Test
    void latencyDelaysEachDirectionAndHealRemovesIt() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "warm-up");
            proxy.latency(Duration.ofMillis(150));
            long started = System.nanoTime();
            assertThat(roundTrip(client, "slow")).isEqualTo("slow");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            proxy.heal();
            started = System.nanoTime();
            assertThat(roundTrip(client, "fast")).isEqualTo("fast");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
        }
    }

    @Test
    void throttleLimitsBandwidth() throws IOException {
        proxy.throttle(32 * 1024);
        byte[] payload = new byte[16 * 1024];
        Arrays.fill(payload, (byte) 'x');
        try (Socket client = connect()) {
            long started = System.nanoTime();
            client.getOutputStream().write(payload);
            byte[] echoed = client.getInputStream().readNBytes(payload.length);
            assertThat(echoed).isEqualTo(payload);
            // 16 KiB at 32 KiB/s takes 0.5 s one way; both directions are limited
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
        assertThat(proxy.bytesPerSecond()).isEqualTo(32 * 1024);
    }

    @Test
    void freezeStallsOpenConnectionsUntilUnfrozen() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "before");
            proxy.freeze();
            assertThat(proxy.isFrozen()).isTrue();
            client.setSoTimeout(300);
            client.getOutputStream().write("stuck".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            proxy.unfreeze();
            client.setSoTimeout(5000);
            assertThat(new String(client.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("stuck");
        }
    }

    @Test
    void resetDropsOpenConnectionsButAcceptsNewOnes() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "before");
            Awaitility.await("the proxy to count the connection").atMost(Duration.ofSeconds(5))
                    .until(() -> proxy.openConnections() == 1);
            proxy.reset();
            assertConnectionBroken(client);
        }
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "after")).isEqualTo("after");
        }
    }

    @Test
    void cutRefusesNewConnectionsAndDropsOpenOnesUntilRestored() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "before");
            proxy.cut();
            assertThat(proxy.isCut()).isTrue();
            assertConnectionBroken(client);
        }
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);

        proxy.restore();
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "after")).isEqualTo("after");
        }
    }

    @Test
    void healUndoesEveryFault() throws IOException {
        proxy.latency(Duration.ofSeconds(1));
        proxy.throttle(10);
        proxy.cut();
        proxy.heal();
        assertThat(proxy.isCut()).isFalse();
        assertThat(proxy.isFrozen()).isFalse();
        assertThat(proxy.latency()).isZero();
        assertThat(proxy.bytesPerSecond()).isZero();
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "healed")).isEqualTo("healed");
        }
    }

    @Test
    void proxiesAreFoundByNameAndClosedTogether() throws IOException {
        assertThat(proxies.get("echo")).isSameAs(proxy);
        assertThat(proxies.find("nope")).isEmpty();
        assertThatThrownBy(() -> proxies.get("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("echo");
        assertThatThrownBy(() -> proxies.create("echo", echo.address()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");

        LinkProxy second = proxies.create("second", echo.address());
        assertThat(proxies.names()).containsExactly("echo", "second");
        proxies.close();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), second.port()).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> proxies.create("third", echo.address())).isInstanceOf(IllegalStateException.class);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
        return new String(client.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    /** A reset connection reads as an error or as end of stream, never as data. */
    private static void assertConnectionBroken(Socket client) {
        int read;
        try {
            InputStream in = client.getInputStream();
            read = in.read();
        } catch (IOException expected) {
            return;
        }
        assertThat(read).as("read after the link was broken").isEqualTo(-1);
    }
}
