package dev.pipelineharness.checks.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A drill of 20 events to one output topic {@code out} (physical {@code p_out}, one partition):
 * ordinals 0 to 9 written to east, 10 to 19 to west after the switch; the test decides what the
 * replica held at cutover and what reached {@code out} in west.
 */
class FailoverJudgementTest {

    private static final Instant OUTAGE = Instant.parse("2026-12-01T10:00:00Z");
    private static final FailoverThresholds LENIENT = new FailoverThresholds(2, Duration.ofSeconds(30), 0.10);

    private final Ledger ledger = new Ledger();
    private final RegionSwitch regionSwitch = new RegionSwitch();
    private final Set<Long> replicated = new HashSet<>();
    private final List<WestRecord> outputs = new ArrayList<>();
    private final Map<Long, Instant> arrivals = new HashMap<>();
    private final List<GroupResumption> groups = new ArrayList<>();
    /** west's copy of out held 9 records at cutover: offsets 0 to 8 are replicated ones. */
    private final long cutoverOffset = 9;

    FailoverJudgementTest() {
        int out = ledger.destination("out");
        long base = ledger.reserve(20);
        for (long ordinal = base; ordinal < base + 20; ordinal++) {
            ledger.plan(ordinal, (int) ordinal, out);
            ledger.written(ordinal);
            ledger.acknowledged(ordinal);
        }
        regionSwitch.switchTo("west");
        regionSwitch.handedOver(base, base + 20, 10, "west");
        groups.add(new GroupResumption("g", "p_out", 8, 7, 12, 5));
    }

    /** East's events 0..replicatedUpTo-1 in the replica; each event in `present` once in out, in ordinal order. */
    private void pipeline(int replicatedUpTo, long... present) {
        for (long ordinal = 0; ordinal < replicatedUpTo; ordinal++) {
            replicated.add(ordinal);
        }
        long offset = 0;
        for (long ordinal : present) {
            outputs.add(new WestRecord("p_out", 0, offset, ordinal));
            if (offset >= cutoverOffset) {
                arrivals.put(offset, OUTAGE.plusSeconds(offset));
            }
            offset++;
        }
    }

    private Verdict judge(FailoverThresholds thresholds) {
        FailoverReport report = new FailoverReport(new Outage("east", OUTAGE, "east gone"), "west",
                OUTAGE.plusSeconds(2), Map.of("p_out", Map.of(0, cutoverOffset)), groups,
                (topic, partition, offset) -> Optional.ofNullable(arrivals.get(offset)), List.of());
        return FailoverJudgement.judge(ledger, regionSwitch, report, Map.of("out", "p_out"), replicated, outputs,
                ordinal -> 1_000 + ordinal, thresholds);
    }

    @Test
    void aDrillWithinItsBoundsPassesWithItsFigures() {
        // events 8 and 9 never reached the replica (the RPO); everything else is in west, event 7 twice
        pipeline(8, 0, 1, 2, 3, 4, 5, 6, 7, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

        Verdict verdict = judge(LENIENT);

        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).contains("RPO 2 event(s), event time", "(1 ms)")
                .contains("RTO 9.0 s") // ordinal 10, written to west, is at offset 9, the first past cutover: seen at +9 s
                .contains("18 of 18 acknowledged event(s) outside the RPO in west")
                .contains("1 redelivered (5.56%)")
                .contains("group g resumed at 7 of 12");
    }

    @Test
    void anRpoAboveItsBoundIsRedWithTheCountAndSpan() {
        // MirrorMaker stopped early: only events 0 to 4 reached west before the outage
        pipeline(5, 0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

        Verdict verdict = judge(LENIENT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.conclusive()).as("what was lost at cutover stays lost").isTrue();
        assertThat(verdict.message()).contains("RPO above its bound (1)")
                .contains("RPO 5 event(s) lost at cutover, more than the 2 allowed")
                .contains("event time 1970-01-01T00:00:01.005Z to 1970-01-01T00:00:01.009Z (4 ms)")
                .contains("first lost: [5, 6, 7, 8, 9]");
    }

    @Test
    void anEventReplicatedButNeverRoutedInWestIsMissingAfterFailover() {
        pipeline(10, 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

        Verdict verdict = judge(LENIENT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.conclusive()).as("a record missing in west may still arrive").isFalse();
        assertThat(verdict.message()).contains("missing after failover (outside the RPO) (1)")
                .contains("ordinal 6 for out: written to east, acknowledged, in west's copy at cutover, missing from out in west");
    }

    @Test
    void noRecordThroughWestMeansNoRecovery() {
        pipeline(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Verdict verdict = judge(LENIENT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).contains("no event written to west after cutover (10 written there) reached"
                + " an output topic in west").contains("RTO none");
    }

    @Test
    void inputThatEndedBeforeTheOutageLeavesNoRtoToMeasureAndSaysSo() {
        // every event went to east: the producers moved only after the generator had finished
        RegionSwitch neverUsed = new RegionSwitch();
        neverUsed.switchTo("west");
        pipeline(20, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        FailoverReport report = new FailoverReport(new Outage("east", OUTAGE, "east gone"), "west",
                OUTAGE.plusSeconds(2), Map.of("p_out", Map.of(0, 20L)), groups,
                (topic, partition, offset) -> Optional.empty(), List.of());

        Verdict verdict = FailoverJudgement.judge(ledger, neverUsed, report, Map.of("out", "p_out"), replicated,
                outputs, ordinal -> 0, LENIENT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.conclusive()).as("the checks run after the input ended: nothing more comes to west").isTrue();
        assertThat(verdict.message()).contains("no event was written to west: the input had ended before the producers"
                + " moved, so there is no RTO to measure").contains("(0 unacknowledged, 0 written to west)");
    }

    @Test
    void anRtoAboveItsBoundRedeliveriesAboveTheirsAndAGroupWithoutPositionAreEachNamed() {
        pipeline(10, 0, 1, 2, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        groups.set(0, new GroupResumption("g", "p_out", 8, 0, 12, 0));

        Verdict verdict = judge(new FailoverThresholds(0, Duration.ofSeconds(5), 0.05));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).contains("RTO 12.0 s is above the 5.0 s allowed")
                .contains("2 redelivered copies of 20 delivered event(s) (10.00%) exceed the 5.00% allowed")
                .contains("group g resumed in west at 0 of 12 record(s) of p_out (had committed 8 in east):"
                        + " a failed-over position must be > 0 and <= produced");
    }

    @Test
    void unacknowledgedWritesMayBeMissing() {
        Ledger partial = new Ledger();
        int out = partial.destination("out");
        partial.reserve(20);
        for (long ordinal = 0; ordinal < 20; ordinal++) {
            partial.plan(ordinal, 0, out);
            partial.written(ordinal);
            if (ordinal != 9) {
                partial.acknowledged(ordinal);
            }
        }
        pipeline(9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        FailoverReport report = new FailoverReport(new Outage("east", OUTAGE, "east gone"), "west",
                OUTAGE.plusSeconds(2), Map.of("p_out", Map.of(0, cutoverOffset)), groups,
                (topic, partition, offset) -> Optional.ofNullable(arrivals.get(offset)), List.of());

        Verdict verdict = FailoverJudgement.judge(partial, regionSwitch, report, Map.of("out", "p_out"), replicated,
                outputs, ordinal -> 0, new FailoverThresholds(0, Duration.ofSeconds(30), 0));

        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).contains("RPO 0 events", "(1 unacknowledged, 10 written to west)");
    }
}
