package dev.pipelineharness.containers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.containers.ContainersLayout;
import dev.pipelineharness.containers.proxy.LinkProxy;
import dev.pipelineharness.containers.proxy.ProxyRoute;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainersControlTest {

    private static final List<String> SHARED = List.of("kafka.east", "kafka.west", "connect", "postgres", "dynamodb",
            "mirror-maker", "schema-registry");

    private final FakeContainerRuntime runtime = new FakeContainerRuntime();
    private final Map<String, FakeLinkProxy> fakes = new LinkedHashMap<>();

    private ContainersControl control(boolean deploymentHasJob) {
        Map<String, LinkProxy> proxies = new LinkedHashMap<>();
        for (ProxyRoute route : new ContainersLayout().proxies().routes()) {
            FakeLinkProxy fake = new FakeLinkProxy(route.name());
            fakes.put(route.name(), fake);
            proxies.put(route.name(), fake);
        }
        List<ComponentSpec> shared = SHARED.stream()
                .map(name -> new ComponentSpec(name, "ready", () -> "c-" + name, timeout -> { }))
                .toList();
        return new ContainersControl(runtime, shared, ContainersLayout.links(), proxies,
                deployment -> deploymentHasJob
                        ? Optional.of(new ComponentSpec("flink", "job RUNNING", () -> "c-taskmanager", timeout -> { }))
                        : Optional.empty());
    }

    @Test
    void offersTheEmbeddedTopologysComponentNames() {
        assertThat(control(false).components(null)).extracting(ComponentControl::name).containsExactlyElementsOf(SHARED);
    }

    @Test
    void flinkIsTheSharedTaskManagerOfADeploymentWithAJob() throws Exception {
        ComponentControl flink = control(true).component(null, "flink");

        assertThat(flink.scope()).isEqualTo(Scope.SHARED);
        flink.kill();
        assertThat(runtime.calls).containsExactly("kill c-taskmanager");
    }

    @Test
    void offersTheEmbeddedTopologysLinkNames() {
        assertThat(control(false).links(null)).extracting(LinkControl::name).containsExactlyInAnyOrder(
                "east.kafka", "west.kafka", "harness->east", "harness->west", "mirror->east", "mirror->west",
                "flink->kafka", "connect->kafka", "connect->postgres", "connect->dynamodb");
    }

    @Test
    void aKafkaRegionLinkActsOnEveryPathIntoTheBroker() {
        control(false).link(null, "east.kafka").cut();

        assertThat(fakes).allSatisfy((name, proxy) -> {
            if (name.startsWith("kafka-east-")) {
                assertThat(proxy.calls).as(name).containsExactly("disable");
            } else {
                assertThat(proxy.calls).as(name).isEmpty();
            }
        });
    }

    @Test
    void flinkToKafkaCutsOnlyFlinksPathIntoEast() {
        control(false).link(null, "flink->kafka").stall();

        assertThat(fakes.get("kafka-east-flink").calls).containsExactly("stall");
        assertThat(fakes.get("kafka-east-connect").calls).isEmpty();
        assertThat(fakes.get("kafka-east-harness").calls).isEmpty();
    }

    @Test
    void theHarnessRoutesAreNotFaultTargets() {
        assertThat(control(false).links(null)).extracting(LinkControl::name)
                .doesNotContain(ContainersLayout.HARNESS_TO_POSTGRES, ContainersLayout.HARNESS_TO_CONNECT);
    }

    @Test
    void offersEveryFaultKind() {
        assertThat(control(false).faultKinds()).containsExactlyInAnyOrder("kill", "pause", "restart", "link-latency",
                "link-bandwidth", "link-stall", "link-reset", "link-cut");
    }

    @Test
    void anUnknownComponentIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> control(false).component(null, "kafka.eats"))
                .hasMessageContaining("kafka.east").hasMessageContaining("connect");
    }

    @Test
    void restartGoesThroughTheRuntime() throws Exception {
        control(false).component(null, "postgres").restart(Duration.ofSeconds(1));

        assertThat(runtime.calls).containsExactly("stop c-postgres", "start c-postgres");
    }
}
