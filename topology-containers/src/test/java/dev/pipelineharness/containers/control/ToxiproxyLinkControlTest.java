package dev.pipelineharness.containers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToxiproxyLinkControlTest {

    private final FakeLinkProxy harness = new FakeLinkProxy("kafka-east-harness");
    private final FakeLinkProxy flink = new FakeLinkProxy("kafka-east-flink");
    private final ToxiproxyLinkControl link = new ToxiproxyLinkControl("east.kafka", List.of(harness, flink));

    @Test
    void offersEveryLinkFault() {
        assertThat(link.operations()).containsExactlyInAnyOrder(LinkOperation.values());
        assertThat(link.state().healthy()).isTrue();
    }

    @Test
    void latencyIsALatencyToxicOnEveryProxyOfTheLink() {
        link.latency(Duration.ofMillis(200), Duration.ofMillis(20));

        assertThat(harness.calls).containsExactly("latency 200+-20");
        assertThat(flink.calls).containsExactly("latency 200+-20");
        assertThat(link.state()).extracting(LinkState::latency, LinkState::jitter)
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(20));
    }

    @Test
    void bandwidthIsRoundedUpToToxiproxysWholeKilobytes() {
        link.bandwidth(1500);

        assertThat(harness.calls).containsExactly("bandwidth 2");
        assertThat(link.state().bytesPerSecond()).isEqualTo(2048);
    }

    @Test
    void aBandwidthOfNothingIsRefused() {
        assertThatThrownBy(() -> link.bandwidth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stallHoldsDataWithConnectionsOpen() {
        link.stall();

        assertThat(link.state().stalled()).isTrue();
        assertThat(link.state().cut()).isFalse();
    }

    @Test
    void cutDisablesTheProxiesUntilHealed() {
        link.cut();
        assertThat(link.state().cut()).isTrue();

        link.heal();
        assertThat(link.state().healthy()).isTrue();
        assertThat(harness.calls).containsExactly("disable", "remove toxics", "enable");
    }

    @Test
    void resetClosesEveryConnectionAndAcceptsNewOnes() {
        link.reset();

        assertThat(harness.calls).containsExactly("disable", "enable");
        assertThat(flink.calls).containsExactly("disable", "enable");
        assertThat(link.state().cut()).isFalse();
    }

    @Test
    void healRemovesEveryFault() {
        link.latency(Duration.ofSeconds(1), Duration.ZERO);
        link.bandwidth(1024);
        link.stall();
        link.cut();

        link.heal();

        assertThat(link.state().healthy()).isTrue();
    }

    @Test
    void aLinkNeedsAProxy() {
        assertThatThrownBy(() -> new ToxiproxyLinkControl("nothing", List.of()))
                .hasMessageContaining("needs at least one proxy");
    }
}
