package dev.pipelineharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.testkit.Providers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultProvidersTest {

    private final FakeControlledTopology topology = new FakeControlledTopology();

    @Test
    void killStopsTheComponentAndTheHealRestartsItWithEvidenceOfBoth() throws Exception {
        Fault kill = Providers.fault("kill", "broker");
        kill.validate(topology);
        kill.inject(topology.context());
        assertThat(topology.broker.state()).isEqualTo(ComponentState.STOPPED);
        kill.heal(topology.context());

        assertThat(topology.broker.calls).containsExactly("kill", "restart", "await-ready");
        assertThat(topology.evidence).hasSize(2);
        assertThat(topology.evidence.get(0)).isEqualTo("broker: STOPPED after kill");
        assertThat(topology.evidence.get(1)).startsWith("broker: restarted, RUNNING and ready (answers) after ");
        assertThat(kill.describe()).isEqualTo("kill broker");
    }

    @Test
    void aKillThatChangedNothingFailsWithThatMessage() {
        topology.broker.ignoresFaults = true;
        Fault kill = Providers.fault("kill", "{component: broker, takes-effect-within: 100ms}");

        assertThatThrownBy(() -> kill.inject(topology.context())).isInstanceOf(IllegalStateException.class)
                .hasMessage("kill broker had no effect: broker is RUNNING 100 ms later, not STOPPED");
        assertThat(topology.evidence).isEmpty();
    }

    @Test
    void pauseFreezesAndTheHealThaws() throws Exception {
        Fault pause = Providers.fault("pause", "{component: job}");
        pause.inject(topology.context());
        assertThat(topology.job.state()).isEqualTo(ComponentState.PAUSED);
        pause.heal(topology.context());

        assertThat(topology.job.calls).containsExactly("pause", "resume", "await-ready");
        assertThat(topology.evidence.get(0)).isEqualTo("job: PAUSED");
    }

    @Test
    void onlyFaultsOnSharedTargetsMakeTheirScenarioRunAlone() {
        assertThat(Providers.fault("kill", "broker").disturbsOtherScenarios(topology)).isTrue();
        assertThat(Providers.fault("kill", "job").disturbsOtherScenarios(topology)).isFalse();
        assertThat(Providers.fault("link-cut", "a->b").disturbsOtherScenarios(topology)).isTrue();
    }

    @Test
    void anUnknownTargetIsADefinitionErrorNamingItsLineAndTheKnownNames() {
        ScenarioDefinitionException component = Providers.definitionError(
                () -> Providers.fault("kill", "{component: brokr}").validate(topology));
        assertThat(component).hasMessage("test.scenario.yaml:1:2: faults[0].kill.component: topology 'fake' has no"
                + " component 'brokr' (did you mean 'broker'?); it has broker, job");

        ScenarioDefinitionException link = Providers.definitionError(
                () -> Providers.fault("link-cut", "{link: a-b}").validate(topology));
        assertThat(link).hasMessage("test.scenario.yaml:1:2: faults[0].link-cut.link: topology 'fake' has no link"
                + " 'a-b' (did you mean 'a->b'?); it has a->b");
    }

    @Test
    void linkCutShowsOnTheLinkAndTheHealRemovesIt() throws Exception {
        Fault cut = Providers.fault("link-cut", "a->b");
        cut.inject(topology.context());
        assertThat(topology.link.state().cut()).isTrue();
        cut.heal(topology.context());

        assertThat(topology.link.state().healthy()).isTrue();
        assertThat(topology.evidence).containsExactly(
                "a->b: cut, 0 open connection(s) (before: healthy, 3 open connection(s))",
                "a->b: healed, healthy, 3 open connection(s)");
    }

    @Test
    void aLinkFaultTheLinkDoesNotShowHadNoEffect() {
        topology.link.ignoresFaults = true;
        Fault cut = Providers.fault("link-cut", "{link: a->b}");

        assertThatThrownBy(() -> cut.inject(topology.context()))
                .hasMessageStartingWith("link-cut a->b had no effect: the link shows LinkState[");
    }

    @Test
    void latencyWithJitterIsReadBackFromTheLink() throws Exception {
        Fault latency = Providers.fault("link-latency", "{link: a->b, latency: 200ms, jitter: 50ms}");
        latency.inject(topology.context());

        assertThat(topology.link.state().latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(topology.evidence.get(0)).startsWith("a->b: latency 200 ms ± 50 ms, 3 open connection(s)");
        assertThat(latency.describe()).isEqualTo("link-latency a->b 200ms ± 50ms");
    }

    @Test
    void badSettingsAreRefusedWhereTheyWereWritten() {
        assertThat(Providers.definitionError(() -> Providers.fault("link-latency", "{link: a->b, latency: 10ms, jitter: 20ms}")))
                .hasMessage("test.scenario.yaml:1:29: faults[0].link-latency.jitter: must not be more than the latency"
                        + " (10 ms), was 20 ms");
        assertThat(Providers.definitionError(() -> Providers.fault("kill", "{component: broker, for: 3s}")))
                .hasMessageContaining("faults[0].kill.for: unknown key 'for'");
        assertThat(Providers.definitionError(() -> Providers.fault("link-bandwidth", "{link: a->b}")))
                .hasMessageContaining("faults[0].link-bandwidth.bytes-per-second: must be greater than 0, was 0");
    }

    @Test
    void aResetOfALinkWithoutConnectionsHadNoEffect() {
        topology.link.connections = 0;
        assertThatThrownBy(() -> Providers.fault("link-reset", "a->b").inject(topology.context()))
                .hasMessage("link-reset a->b had no effect: the link had no open connection");
    }

    @Test
    void aPausedConnectorsEvidenceIsWhatItsTopologyObserved() throws Exception {
        Fault pause = Providers.fault("pause", "connect.orders_cdc", pipelineWithConnector());
        assertThat(pause.disturbsOtherScenarios(topology)).isFalse();
        pause.validate(topology);
        pause.inject(topology.context());
        pause.heal(topology.context());

        assertThat(topology.connector.calls).containsExactly("pause", "resume", "await-ready");
        assertThat(topology.evidence.get(0)).isEqualTo("connect.orders_cdc: PAUSED (REST status: connector PAUSED,"
                + " tasks [0=PAUSED])");
        assertThat(topology.evidence.get(1)).startsWith("connect.orders_cdc: resumed, RUNNING (REST status: connector"
                + " RUNNING, tasks [0=RUNNING]) and ready (answers) after ");
    }

    @Test
    void aRestartsEvidenceShowsWhatTheTopologyObservedBeforeAndAfter() throws Exception {
        Fault restart = Providers.fault("restart", "connect.orders_cdc");
        restart.inject(topology.context());

        assertThat(topology.connector.calls).containsExactly("restart");
        assertThat(topology.evidence.get(0)).matches("connect\\.orders_cdc: restarted, RUNNING \\(REST status: connector"
                + " RUNNING, tasks \\[0=RUNNING]\\) after \\d+ ms \\(before: RUNNING \\(REST status: connector RUNNING,"
                + " tasks \\[0=RUNNING]\\)\\)");
    }

    @Test
    void aConnectorThatStaysRunningWhenPausedFailsItsScenario() {
        topology.connector.ignoresFaults = true;
        Fault pause = Providers.fault("pause", "{component: connect.orders_cdc, takes-effect-within: 100ms}");

        assertThatThrownBy(() -> pause.inject(topology.context())).isInstanceOf(IllegalStateException.class)
                .hasMessage("pause connect.orders_cdc had no effect: connect.orders_cdc is RUNNING 100 ms later, not PAUSED");
        assertThat(topology.evidence).isEmpty();
    }

    @Test
    void aConnectorThePipelineDoesNotHaveIsRefusedAtLoadTimeWithItsConnectors() {
        DefinitionContext definition = pipelineWithConnector();
        for (String kind : List.of("pause", "restart", "kill")) {
            assertThat(Providers.definitionError(() -> Providers.fault(kind, "{component: connect.order_cdc}", definition)))
                    .hasMessage("test.scenario.yaml:1:2: faults[0]." + kind + ".component: pipeline 'shop' has no"
                            + " connector 'order_cdc' (did you mean 'connect.orders_cdc'?); its connectors are"
                            + " connect.orders_cdc (a connector is named by its file's \"name\", without ${namespace})");
        }
        // the name the file gives, not the file's name
        assertThat(Providers.definitionError(() -> Providers.fault("pause", "connect.orders-cdc", definition)))
                .hasMessageContaining("has no connector 'orders-cdc'");
        // other targets are the topology's to check
        Providers.fault("pause", "job", definition);
    }

    private static DefinitionContext pipelineWithConnector() {
        PipelineFile connector = new PipelineFile(Path.of("pipelines/shop/connectors/orders-cdc.json"),
                "pipelines/shop/connectors/orders-cdc.json", """
                {
                  "name": "${namespace}orders_cdc",
                  "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector", "name": "x"}
                }
                """);
        return DefinitionContext.of(new PipelineDefinition("shop", Path.of("pipelines/shop"), List.of(), List.of(),
                List.of(), List.of(), List.of(connector)), Path.of("."));
    }
}
