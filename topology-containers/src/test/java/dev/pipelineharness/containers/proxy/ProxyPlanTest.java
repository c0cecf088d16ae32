package dev.pipelineharness.containers.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.containers.ContainersLayout;
import org.junit.jupiter.api.Test;

class ProxyPlanTest {

    @Test
    void portsAreHandedOutFromToxiproxysExposedRangeInOrder() {
        ProxyPlan plan = new ProxyPlan();

        assertThat(plan.add("a", "kafka-east", 19092).listenPort()).isEqualTo(8666);
        assertThat(plan.add("b", "postgres", 5432).listen()).isEqualTo("0.0.0.0:8667");
        assertThat(plan.route("b").upstream()).isEqualTo("postgres:5432");
    }

    @Test
    void theTopologysProxiesFitTheExposedRangeWithUniquePorts() {
        var routes = new ContainersLayout().proxies().routes();

        assertThat(routes).extracting(ProxyRoute::listenPort).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(ProxyPlan.FIRST_PORT, ProxyPlan.LAST_PORT));
        assertThat(routes).hasSize(15);
    }

    @Test
    void oneProxyTooManyIsRefused() {
        ProxyPlan plan = new ProxyPlan();
        for (int i = ProxyPlan.FIRST_PORT; i <= ProxyPlan.LAST_PORT; i++) {
            plan.add("p" + i, "host", 1);
        }
        assertThatThrownBy(() -> plan.add("one-more", "host", 1)).hasMessageContaining("one-more");
    }

    @Test
    void anUnplannedProxyIsAnErrorListingThePlannedOnes() {
        assertThatThrownBy(() -> new ContainersLayout().proxies().route("kafka-north-flink"))
                .hasMessageContaining("kafka-east-flink");
    }
}
