package dev.pipelineharness.containers.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.control.LinkState;
import dev.pipelineharness.containers.control.ToxiproxyLinkControl;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link faults through the real Toxiproxy Java client, against a stub of Toxiproxy's HTTP API. */
class ToxiproxyLinkProxyTest {

    private StubToxiproxy toxiproxy;
    private ToxiproxyLinkControl link;

    @BeforeEach
    void createProxy() throws Exception {
        toxiproxy = new StubToxiproxy();
        ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", toxiproxy.port());
        ProxyRoute route = new ProxyRoute("kafka-east-flink", 8667, "kafka-east", 19093);
        link = new ToxiproxyLinkControl("flink->kafka",
                List.of(new ToxiproxyLinkProxy(client.createProxy(route.name(), route.listen(), route.upstream()))));
    }

    @AfterEach
    void stop() {
        toxiproxy.close();
    }

    @Test
    void createsTheProxyWithItsListenAddressAndUpstream() {
        assertThat(toxiproxy.requests).containsExactly("POST /proxies");
        assertThat(link.state().healthy()).isTrue();
    }

    @Test
    void latencyWithJitterIsReadBackFromToxiproxy() {
        link.latency(Duration.ofMillis(250), Duration.ofMillis(50));

        assertThat(link.state()).extracting(LinkState::latency, LinkState::jitter)
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(50));
        assertThat(toxiproxy.requests).filteredOn(request -> request.equals("POST /proxies/kafka-east-flink/toxics"))
                .hasSize(2);
    }

    @Test
    void aSecondLatencyReplacesTheFirst() {
        link.latency(Duration.ofMillis(250), Duration.ZERO);
        link.latency(Duration.ofMillis(100), Duration.ZERO);

        assertThat(link.state().latency()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void bandwidthAndStallAreReadBack() {
        link.bandwidth(10 * 1024);
        link.stall();

        assertThat(link.state()).extracting(LinkState::bytesPerSecond, LinkState::stalled)
                .containsExactly(10L * 1024, true);
    }

    @Test
    void aCutDisablesTheProxyAndHealRemovesEverything() {
        link.latency(Duration.ofMillis(250), Duration.ZERO);
        link.cut();
        assertThat(link.state().cut()).isTrue();

        link.heal();

        assertThat(link.state().healthy()).isTrue();
    }

    @Test
    void aResetLeavesTheProxyEnabled() {
        link.reset();

        assertThat(link.state().cut()).isFalse();
        assertThat(toxiproxy.requests).filteredOn(request -> request.equals("POST /proxies/kafka-east-flink")).hasSize(2);
    }
}
