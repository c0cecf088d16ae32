package dev.pipelineharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunStarted;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.events.TimelineEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The terminal's status line: scenario n/m, each running scenario's phase and fault, events generated. */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void statusLineShowsPhaseFaultAndCountsAndFinishedScenariosStayAbove() {
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 200);
        ScenarioRef routing = new ScenarioRef("id-1", "Routing", "suite/routing.scenario.yaml", List.of(), "embedded", 1, 42, "ns");
        ScenarioRef cdc = new ScenarioRef("id-2", "CDC", "suite/cdc.scenario.yaml", List.of(), "embedded", 2, 42, "ns2");
        progress.runStarted(new RunStarted("r1", Instant.now(), 3, "embedded", 2, OptionalLong.empty(), Map.of()));
        progress.scenarioStarted(routing);
        progress.scenarioStarted(cdc);
        progress.phaseStarted(routing, Phase.TIMELINE);
        progress.phaseStarted(cdc, Phase.CHECKS);
        progress.timelineEvent(routing, new TimelineEvent(Duration.ofSeconds(5), TimelineEvent.Kind.FAULT_INJECTED,
                "kill-broker", "kill kafka-east"));
        progress.figure(routing, "generate[0].business-events.business-events.sent", "1000");
        progress.redraw();

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains("[0/3]", "Routing: generating (fault: kill kafka-east)", "CDC: checking",
                "1,000 events generated");

        progress.scenarioFinished(cdc, new ScenarioResult(ScenarioResult.Status.PASSED, "4 check(s) passed",
                Duration.ofSeconds(12), Map.of(), List.of()));
        progress.redraw();
        progress.close();
        screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains("\u2714 PASSED", "CDC (4 check(s) passed)", "[1/3]");
        assertThat(screen.substring(screen.lastIndexOf("[1/3]"))).doesNotContain("CDC: checking");
    }

    @Test
    void afterTheLastScenarioNoStatusLineIsLeftForTheEnginesSummaryToRunInto() {
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 200);
        ScenarioRef only = new ScenarioRef("id-1", "Routing", "suite/routing.scenario.yaml", List.of(), "embedded", 1, 42, "ns");
        progress.runStarted(new RunStarted("r1", Instant.now(), 1, "embedded", 1, OptionalLong.empty(), Map.of()));
        progress.scenarioStarted(only);
        progress.redraw();
        progress.scenarioFinished(only, new ScenarioResult(ScenarioResult.Status.PASSED, "3 check(s) passed",
                Duration.ofSeconds(9), Map.of(), List.of()));
        progress.redraw(); // a tick of the ticker racing the end: the ticker is stopped, but a late redraw must not show

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).endsWith("Routing (3 check(s) passed)" + System.lineSeparator());
    }

    @Test
    void aPassingMeasurementIsShownWithItsFiguresWhileOtherPassingChecksAreOnlyCounted() {
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 200);
        ScenarioRef kill = new ScenarioRef("id-1", "Broker kill", "faults/kill.scenario.yaml", List.of(), "embedded", 1, 7, "ns");
        progress.runStarted(new RunStarted("r1", Instant.now(), 1, "embedded", 1, OptionalLong.empty(), Map.of()));
        progress.checkSettled(kill, new CheckResult("c1", "latency", "kill.scenario.yaml:14", true,
                "latency: before p99 542ms; during p99 8.05s; after p99 165ms", "", "", Duration.ofSeconds(1), true));
        progress.checkSettled(kill, new CheckResult("c2", "no-loss: acknowledged", "kill.scenario.yaml:15", true,
                "no-loss: 2400 of 2400 delivered", "", "", Duration.ofSeconds(1), false));

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains("[1/1] Broker kill: latency: before p99 542ms; during p99 8.05s; after p99 165ms");
        assertThat(screen).doesNotContain("2400 of 2400");
    }
}
