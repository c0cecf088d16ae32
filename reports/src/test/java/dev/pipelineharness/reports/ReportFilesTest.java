package dev.pipelineharness.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A red run on the fake topology writes the HTML report, the run record and JUnit XML with what a person needs. */
class ReportFilesTest {

    @TempDir
    static Path reportDir;

    @BeforeAll
    static void runRedAndGreenScenarios() {
        FakeRuns.run(reportDir, "red/routing.scenario.yaml", "green/smoke.scenario.yaml", "green/docker.scenario.yaml");
    }

    @Test
    void runRecordKeepsEveryScenarioWithItsTimelineAndChecks() {
        RunRecord run = ReportFiles.lastRun(reportDir).orElseThrow();

        assertThat(run.scenarios()).extracting(RunRecord.ScenarioRecord::name, RunRecord.ScenarioRecord::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Routing under a paused broker", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("Smoke", "PASSED"),
                        org.assertj.core.groups.Tuple.tuple("Needs Docker", "SKIPPED"));
        RunRecord.ScenarioRecord red = run.scenarios().stream().filter(s -> s.status().equals("FAILED")).findFirst().orElseThrow();
        assertThat(red.seed()).isEqualTo(11);
        assertThat(red.folder()).isEqualTo("red");
        assertThat(red.timeline()).extracting(RunRecord.EventRecord::kind)
                .contains("GENERATOR_STARTED", "GENERATOR_FINISHED", "FAULT_INJECTED", "FAULT_HEALED");
        assertThat(red.checks()).filteredOn(check -> !check.passed()).singleElement()
                .satisfies(check -> assertThat(check.details()).contains("channel: expected web, observed app"));
        assertThat(ReportFiles.run(reportDir, run.runId())).contains(run);
    }

    @Test
    void htmlReportIsSelfContainedAndShowsTimelineDiffAndCharts() throws Exception {
        String html = Files.readString(reportDir.resolve(ReportFiles.HTML));

        assertThat(html).contains("<span class=\"badge red\">RED</span>", "class=\"timeline-chart\"",
                "id=\"throughput-svg\"", "id=\"latency-svg\"", "<del title=\"expected\">web</del>",
                "<ins title=\"observed\">app</ins>", "pause east", "filtered_loan_events");
        // nothing is fetched from anywhere: no external scripts, styles, fonts or images
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img)[^>]+(src|href)=");
        assertThat(html).doesNotContain("http://", "https://");
    }

    @Test
    void junitXmlHasOneTestCasePerCheckWithTheDiffAndFigures() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reportDir.resolve(ReportFiles.JUNIT).toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        Element failed = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getElementsByTagName("failure").getLength() > 0) {
                failed = testCase;
            }
        }
        assertThat(cases.getLength()).isEqualTo(4); // 2 + 1 checks, and the skipped scenario
        assertThat(failed).isNotNull();
        assertThat(failed.getAttribute("name")).isEqualTo("routed: filtered_loan_events");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("filtered_loan_events: expected 400, observed 399 (1 missing, 1 wrong)");
        assertThat(failure.getTextContent()).contains("amount: expected 10.50, observed 10.05");
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        String properties = Files.readString(reportDir.resolve(ReportFiles.JUNIT));
        assertThat(properties).contains("<property name=\"seed\" value=\"11\"", "name=\"generate[0].counter.written\" value=\"400\"");
    }
}
