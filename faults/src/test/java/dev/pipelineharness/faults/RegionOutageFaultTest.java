package dev.pipelineharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.testkit.Providers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionOutageFaultTest {

    private final FakeRegions topology = new FakeRegions();

    @Test
    void anUnknownRegionIsRefusedWithFileLineAndTheRegionsThereAre() {
        Fault fault = Providers.fault("region-outage", "{region: eest, failover-to: west}");
        assertThatThrownBy(() -> fault.validate(topology)).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("test.scenario.yaml:1:")
                .hasMessageContaining("no region 'eest' that can fail over")
                .hasMessageContaining("did you mean 'east'")
                .hasMessageContaining("east (to west)");
    }

    @Test
    void anUnknownTargetIsRefusedWhereItIsWritten() {
        Fault fault = Providers.fault("region-outage", "{region: east, failover-to: north}");
        assertThatThrownBy(() -> fault.validate(topology)).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("cannot fail over to 'north'").hasMessageContaining("it can to west");
    }

    @Test
    void aTopologyWithoutRegionsLeavesTheSkipToTheEngine() {
        Fault fault = Providers.fault("region-outage", "east");
        fault.validate(new FakeControlledTopology());
        assertThat(new FakeControlledTopology().supportedFaults()).doesNotContain("region-outage");
    }

    @Test
    void injectRunsTheRunbookInOrderLeavesTheReportAndHealBringsTheRegionBack() throws Exception {
        Fault fault = Providers.fault("region-outage", "{region: east, downstream-topics: [out]}");
        fault.validate(topology);
        ScenarioStore store = new ScenarioStore();
        List<String> evidence = new ArrayList<>();
        FaultContext context = context(store, evidence);

        fault.inject(context);

        assertThat(topology.calls).containsExactly("prepare east->west [out]", "takeDown east", "failover east->west");
        assertThat(store.get(FailoverReport.class)).contains(topology.report);
        assertThat(store.get(RegionSwitch.class)).isPresent();
        assertThat(evidence).containsExactly("before the outage: group g at 10 in west",
                "outage: east: 127.0.0.1:9 refused a connection", "runbook: producers moved to west");
        assertThat(fault.disturbsOtherScenarios(topology)).isTrue();

        fault.heal(context);
        fault.heal(context);
        assertThat(topology.calls).endsWith("bringBack east");
        assertThat(topology.calls.stream().filter(call -> call.startsWith("bringBack"))).hasSize(1);
        assertThat(evidence).last().isEqualTo("healed: east ready");
    }

    @Test
    void aFaultThatNeverTookTheRegionDownHasNothingToHeal() throws Exception {
        Fault fault = Providers.fault("region-outage", "east");
        fault.heal(context(new ScenarioStore(), new ArrayList<>()));
        assertThat(topology.calls).isEmpty();
    }

    private FaultContext context(ScenarioStore store, List<String> evidence) {
        return new FaultContext() {
            @Override
            public Topology topology() {
                return topology;
            }

            @Override
            public Deployment deployment() {
                return null;
            }

            @Override
            public ScenarioStore store() {
                return store;
            }

            @Override
            public void evidence(String observation) {
                evidence.add(observation);
            }
        };
    }

    /** Two regions, east failing over to west, recording the runbook's calls. */
    static final class FakeRegions implements Topology, RegionFailover {
        final List<String> calls = new ArrayList<>();
        final Outage outage = new Outage("east", Instant.EPOCH, "east: 127.0.0.1:9 refused a connection");
        final FailoverReport report = new FailoverReport(outage, "west", Instant.EPOCH.plusSeconds(1), Map.of(),
                List.of(), (topic, partition, offset) -> Optional.empty(), List.of("producers moved to west"));

        @Override
        public Map<String, Set<String>> failoverTargets() {
            return Map.of("east", Set.of("west"));
        }

        @Override
        public String prepare(Deployment deployment, String from, String to, List<String> downstreamTopics,
                              Duration timeout) {
            calls.add("prepare " + from + "->" + to + " " + downstreamTopics);
            return "group g at 10 in west";
        }

        @Override
        public Outage takeDown(String region) {
            calls.add("takeDown " + region);
            return outage;
        }

        @Override
        public FailoverReport failover(Deployment deployment, Outage outage, String to, RegionSwitch producers,
                                       java.util.function.Consumer<String> steps, Duration timeout) {
            calls.add("failover " + outage.region() + "->" + to);
            producers.switchTo(to);
            report.steps().forEach(steps);
            return report;
        }

        @Override
        public String bringBack(String region, Duration timeout) {
            calls.add("bringBack " + region);
            return region + " ready";
        }

        @Override
        public String name() {
            return "fake-regions";
        }

        @Override
        public void start() {
        }

        @Override
        public Endpoints endpoints() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> supportedFaults() {
            return Set.of("region-outage");
        }

        @Override
        public Deployment deploy(PipelineDefinition pipeline, Namespace namespace) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
