package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.testkit.TestParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks under faults judged over a hand-made ledger on a clock the test moves: latency per
 * phase, recovery, per-key order, and where records went missing. Each is shown red with its message.
 */
class FaultChecksTest {

    /** A clock the test sets; the ledger reads its times from it. */
    static final class ManualClock extends Clock {
        long millis = 1_700_000_000_000L;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final long start = clock.millis;
    private Ledger ledger;
    private int loans;
    private LedgerObserver observer;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(clock);
        loans = ledger.destination("filtered_loan_events");
        ledger.source("raw_business_events");
        observer = ledger.observer();
    }

    /** Writes (and acknowledges) a record of {@code key} at {@code at} ms after the start; seen {@code latency} ms later (-1: never). */
    private long record(int key, long at, long latency) {
        long ordinal = ledger.reserve(1);
        ledger.plan(ordinal, key, loans);
        clock.millis = start + at;
        ledger.written(ordinal);
        ledger.acknowledged(ordinal);
        if (latency >= 0) {
            observer.observed(ordinal, loans, start + at + latency);
        }
        return ordinal;
    }

    private Instant at(long millis) {
        return Instant.ofEpochMilli(start + millis);
    }

    /** One fault from 1 s to 2 s. */
    private FaultWindows oneFault() {
        return new FaultWindows(List.of(new FaultWindows.Window("fault[0].kill", "kill kafka.east", at(1000),
                Optional.of(at(2000)))));
    }

    private LedgerView view(FaultWindows faults, Hops hops) {
        return new LedgerView(ledger, observer, faults, Set.of(TimestampType.LOG_APPEND_TIME), () -> hops);
    }

    private LedgerView view(FaultWindows faults) {
        return view(faults, null);
    }

    /** 10 records before (20 ms), 10 during (800 ms), 10 after the fault (30 ms). */
    private void threePhases() {
        for (int i = 0; i < 10; i++) {
            record(i, 100 + i * 10, 20);
        }
        for (int i = 0; i < 10; i++) {
            record(i, 1100 + i * 10, 800);
        }
        for (int i = 0; i < 10; i++) {
            record(i, 2100 + i * 10, 30);
        }
    }

    @Test
    void latencyIsReportedPerPhaseAndItsThresholdsAsserted() {
        threePhases();

        Verdict green = LatencyCheckProvider.judge(view(oneFault()), Map.of("p99", Duration.ofSeconds(2)), "after");
        assertThat(green.passed()).as(green.message()).isTrue();
        assertThat(green.summary()).isEqualTo("latency (broker LogAppendTime): before 10 records p50 20ms p95 20ms"
                + " p99 20ms max 20ms | during 10 records p50 800ms p95 800ms p99 800ms max 800ms | after 10 records"
                + " p50 30ms p95 30ms p99 30ms max 30ms; p99 after 30ms <= 2000ms");

        Verdict red = LatencyCheckProvider.judge(view(oneFault()), Map.of("p99", Duration.ofMillis(100)), "during");
        assertThat(red.passed()).isFalse();
        assertThat(red.summary()).endsWith("p99 during 800ms is above the maximum 100ms");
        assertThat(red.details()).contains("slowest records (during; written at, relative to the first fault):")
                .contains("#10 -> filtered_loan_events: 800ms, written at +100ms");
    }

    @Test
    void latencyWaitsForEveryAcknowledgedRecordAndRefusesTimestampsBeforeTheWrite() {
        threePhases();
        long late = record(3, 2500, -1);
        Verdict waiting = LatencyCheckProvider.judge(view(oneFault()), Map.of(), PhaseLatencies.ALL);
        assertThat(waiting.passed()).isFalse();
        assertThat(waiting.summary()).isEqualTo("latency: 1 acknowledged record(s) not at their destination yet");

        observer.observed(late, loans, start + 2500 - 5000);
        Verdict stamped = LatencyCheckProvider.judge(view(oneFault()), Map.of(), PhaseLatencies.ALL);
        assertThat(stamped.passed()).isFalse();
        assertThat(stamped.summary()).contains("destination timestamps precede the writes by up to 5000ms");
        assertThat(stamped.details()).contains("message.timestamp.type: LogAppendTime");
    }

    @Test
    void aThresholdOnAnEmptyPhaseIsRed() {
        record(1, 100, 20);
        Verdict verdict = LatencyCheckProvider.judge(view(FaultWindows.none()), Map.of("p99", Duration.ofSeconds(1)), "after");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).contains("phase 'after' holds no record to judge p99 (the scenario injected no fault");
    }

    @Test
    void recoveryEndsWhenTheBacklogIsClearedAndNewRecordsAreBackToSpeed() {
        for (int i = 0; i < 10; i++) {
            record(i, 100 + i * 10, 20);
        }
        // written during the fault, they wait for the heal: the last arrives 1.5 s after it
        for (int i = 0; i < 10; i++) {
            record(i, 1100 + i * 10, 2400 - i * 10);
        }
        record(1, 2100, 3000);     // after the heal, but still queued behind the backlog
        record(2, 2200, 1500);
        record(3, 4000, 15);       // back to the pre-fault p99 (20 ms): arrives at +2015ms
        record(4, 4100, 10);

        Verdict verdict = RecoveryCheckProvider.judge(view(oneFault()), Optional.of(Duration.ofSeconds(30)));
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).isEqualTo("recovery 2015ms after the last heal: 10 record(s) written before the"
                + " heal arrived after it, the last at +1500ms; the first record written after the heal within the"
                + " pre-fault p99 (20ms) arrived at +2015ms; <= 30.0s");

        Verdict tooSlow = RecoveryCheckProvider.judge(view(oneFault()), Optional.of(Duration.ofSeconds(1)));
        assertThat(tooSlow.passed()).isFalse();
        assertThat(tooSlow.summary()).startsWith("recovery 2015ms after the last heal").endsWith("above the maximum 1000ms");
    }

    @Test
    void recoveryIsRedWithoutAHealOrWhileRecordsAreMissing() {
        threePhases();
        assertThat(RecoveryCheckProvider.judge(view(FaultWindows.none()), Optional.empty()).summary())
                .contains("injected no fault");
        FaultWindows unhealed = new FaultWindows(List.of(new FaultWindows.Window("fault[0].kill", "kill", at(1000),
                Optional.empty())));
        assertThat(RecoveryCheckProvider.judge(view(unhealed), Optional.empty()).summary())
                .contains("still injected when the checks ran");
        record(1, 2500, -1);
        Verdict missing = RecoveryCheckProvider.judge(view(oneFault()), Optional.empty());
        assertThat(missing.passed()).isFalse();
        assertThat(missing.summary()).isEqualTo("recovery: not caught up, 1 acknowledged record(s) not at their destination yet");
    }

    @Test
    void thePreFaultSpeedIsThatOfRecordsThatArrivedBeforeTheFault() {
        for (int i = 0; i < 10; i++) {
            record(i, 100 + i * 10, 20);
        }
        record(1, 900, 5000);      // written before the fault, held up by it: no measure of the pipeline's speed
        record(2, 2100, 400);      // after the heal, slower than anything that arrived before the fault
        record(3, 2200, 20);
        Verdict verdict = RecoveryCheckProvider.judge(view(oneFault()), Optional.empty());
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).isEqualTo("recovery 3900ms after the last heal: 1 record(s) written before the heal"
                + " arrived after it, the last at +3900ms; the first record written after the heal within the pre-fault"
                + " p99 (20ms) arrived at +220ms");
    }

    @Test
    void recoveryCountsOnlyTheBacklogWhenNothingArrivedBeforeTheFault() {
        record(1, 900, 5000);
        record(2, 2100, 400);
        Verdict verdict = RecoveryCheckProvider.judge(view(oneFault()), Optional.empty());
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).isEqualTo("recovery 3900ms after the last heal: 1 record(s) written before the heal"
                + " arrived after it, the last at +3900ms; no record arrived before the first fault, so there is no"
                + " pre-fault speed to return to");
    }

    @Test
    void recoveryIsRedWhenNewRecordsNeverGetBackToSpeed() {
        for (int i = 0; i < 10; i++) {
            record(i, 100 + i * 10, 20);
        }
        record(1, 2100, 900);
        record(2, 2200, 800);
        Verdict verdict = RecoveryCheckProvider.judge(view(oneFault()), Optional.empty());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).contains("none of the 2 record(s) written after the heal arrived within the"
                + " pre-fault p99 of 20ms, the last written at +200ms");
        assertThat(verdict.message()).contains("not back to its pre-fault speed by the end of the input");
    }

    @Test
    void aPipelineThatWasNotKeepingUpBeforeTheFaultHasNoPreFaultSpeedToReturnTo() {
        // a starved pipeline: a few early records get through fast, most written before the fault arrive after the heal
        for (int i = 0; i < 10; i++) {
            record(i, 100 + i * 10, 20);
        }
        for (int i = 0; i < 30; i++) {
            record(i, 200 + i * 10, 3000);
        }
        record(1, 2100, 900);      // after the heal, never as fast as the early survivors
        record(2, 2200, 800);
        Verdict verdict = RecoveryCheckProvider.judge(view(oneFault()), Optional.of(Duration.ofSeconds(30)));
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).isEqualTo("recovery 1490ms after the last heal: 30 record(s) written before the"
                + " heal arrived after it, the last at +1490ms; the pipeline was not keeping up before the first fault:"
                + " 10 of the 40 record(s) written at least the p99 of the early arrivals (20ms) before it had arrived"
                + " by then, so there is no pre-fault speed to return to; <= 30.0s");

        Verdict tooSlow = RecoveryCheckProvider.judge(view(oneFault()), Optional.of(Duration.ofSeconds(1)));
        assertThat(tooSlow.passed()).isFalse();
        assertThat(tooSlow.summary()).endsWith("above the maximum 1000ms");
    }

    @Test
    void orderPerKeyIsJudgedOnFirstCopies() {
        long first = record(7, 100, -1);
        long second = record(7, 110, -1);
        record(8, 120, 5);
        observer.observed(second, loans, start + 130);
        observer.observed(first, loans, start + 140);
        observer.observed(first, loans, start + 150); // a redelivery: not an order question

        Verdict red = OrderCheckProvider.judge(view(FaultWindows.none()));
        assertThat(red.passed()).isFalse();
        assertThat(red.summary()).isEqualTo("order per key: expected 3, observed 2 (1 out of order)");
        assertThat(red.details()).contains("#0 -> filtered_loan_events (key 7): arrived after a record of its key written later");

        ledger();
        record(7, 100, 5);
        record(7, 110, 5);
        assertThat(OrderCheckProvider.judge(view(FaultWindows.none())).passed()).isTrue();
    }

    /** Hops seen by a fake locator: the source holds what {@code sourceCopies} says, west mirrors the destination. */
    private static Hops hops(Map<Long, Integer> sourceCopies) {
        return new Hops() {
            @Override
            public void readNew() {
            }

            @Override
            public HopTrace trace(long ordinal, int seenAtDestination) {
                return new HopTrace(List.of("raw_business_events", "filtered_loan_events", "west:filtered_loan_events"),
                        List.of(sourceCopies.getOrDefault(ordinal, 1), seenAtDestination, seenAtDestination));
            }

            @Override
            public List<String> notes() {
                return List.of();
            }
        };
    }

    @Test
    void aMissingRecordIsLocatedHopByHop() {
        record(1, 100, 5);
        long droppedByFlink = record(2, 110, -1);
        long neverInTheSource = record(3, 120, -1);
        LedgerView view = view(FaultWindows.none(), hops(Map.of(neverInTheSource, 0)));

        Verdict verdict = HopReport.missing(view, LedgerComparison.noLoss(view.summary(), false));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).endsWith("; 1 lost between raw_business_events and filtered_loan_events;"
                + " 1 lost before raw_business_events (acknowledged by Kafka, yet not in it)");
        assertThat(verdict.details()).contains("where they went missing (copies at each hop, in pipeline order):")
                .contains("#" + droppedByFlink + " -> filtered_loan_events: raw_business_events 1, filtered_loan_events 0,"
                        + " west:filtered_loan_events 0: lost between raw_business_events and filtered_loan_events");
    }

    @Test
    void aDuplicatedRecordIsLocatedHopByHop() {
        long twice = record(1, 100, 5);
        observer.observed(twice, loans, start + 200);
        LedgerView view = view(FaultWindows.none(), hops(Map.of()));

        Verdict verdict = HopReport.duplicated(view, LedgerComparison.noDuplicates(view.summary()));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).endsWith("; 1 duplicated between raw_business_events and filtered_loan_events");
        assertThat(verdict.details()).contains("#0 -> filtered_loan_events: raw_business_events 1, filtered_loan_events 2,"
                + " west:filtered_loan_events 2: duplicated between raw_business_events and filtered_loan_events");
    }

    @Test
    void atLeastOnceAllowsRedeliveriesUpToItsBoundAndNamesWhereTheyCameFromBeyondIt() {
        for (int i = 0; i < 50; i++) {
            record(i, 100 + i, 5);
        }
        observer.observed(3, loans, start + 300);
        LedgerView view = view(FaultWindows.none(), hops(Map.of()));

        Verdict green = HopReport.duplicated(view, LedgerComparison.atLeastOnce(view.summary(), 0.02));
        assertThat(green.passed()).as(green.message()).isTrue();
        assertThat(green.summary()).isEqualTo("no-duplicates (at-least-once): 1 of 50 record(s) redelivered (2.00%, at most"
                + " 2.00% allowed)");

        observer.observed(7, loans, start + 310);
        LedgerView later = view(FaultWindows.none(), hops(Map.of()));
        Verdict red = HopReport.duplicated(later, LedgerComparison.atLeastOnce(later.summary(), 0.02));
        assertThat(red.passed()).isFalse();
        assertThat(red.summary()).contains("2 of 50 record(s) redelivered (4.00%, at most 2.00% allowed)")
                .endsWith("; 2 duplicated between raw_business_events and filtered_loan_events");
        assertThat(red.details()).contains("#3 -> filtered_loan_events", "#7 -> filtered_loan_events");
    }

    @Test
    void anAtLeastOnceGuaranteeNeedsItsBoundAndExactlyOnceTakesNone() {
        var provider = new LedgerCheckProvider.NoDuplicates();
        assertThat(provider.create(TestParams.of("expect[0].no-duplicates", "{guarantee: at-least-once, max: 1%}"))
                .get(0).describe()).isEqualTo("no-duplicates: at-least-once, max 1.00%");
        assertThat(Providers.definitionError(() -> provider.create(TestParams.of("expect[0].no-duplicates",
                "at-least-once"))).getMessage()).contains("expect[0].no-duplicates", "at-least-once needs its bound");
        assertThat(Providers.definitionError(() -> provider.create(TestParams.of("expect[0].no-duplicates",
                "{guarantee: exactly-once, max: 1%}"))).getMessage()).contains("expect[0].no-duplicates.max",
                "needs guarantee: at-least-once");
        assertThat(Providers.definitionError(() -> provider.create(TestParams.of("expect[0].no-duplicates",
                "{guarantee: at-least-once, max: lots}"))).getMessage()).contains("must be a percentage");
    }

    @Test
    void aGreenVerdictReadsNoHop() {
        record(1, 100, 5);
        LedgerView view = view(FaultWindows.none(), null);
        assertThat(HopReport.missing(view, LedgerComparison.noLoss(view.summary(), false)).passed()).isTrue();
    }

    private static CheckProvider provider(String name) {
        return ServiceLoader.load(CheckProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void settingsAreValidatedNamingTheField() {
        List<Check> latency = provider("latency").create(TestParams.of("expect[3].latency",
                "{\"p99\": {\"max\": \"2s\"}, \"phase\": \"after\"}"));
        assertThat(latency).extracting(Check::describe).containsExactly("latency: p99 <= 2000ms (after)");
        assertThat(provider("latency").create(TestParams.of("expect[3].latency", "null"))).extracting(Check::describe)
                .containsExactly("latency");
        assertThatThrownBy(() -> provider("latency").create(TestParams.of("expect[3].latency",
                "{\"p98\": {\"max\": \"2s\"}}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[3].latency").hasMessageContaining("p98");
        assertThatThrownBy(() -> provider("latency").create(TestParams.of("expect[3].latency",
                "{\"p99\": {\"max\": \"2s\"}, \"phase\": \"afterwards\"}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[3].latency.phase");
        assertThatThrownBy(() -> provider("latency").create(TestParams.of("expect[3].latency",
                "{\"p99\": {\"below\": \"2s\"}}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[3].latency.p99");
        assertThat(provider("recovery").create(TestParams.of("expect[4].recovery", "{\"max\": \"30s\"}")))
                .extracting(Check::describe).containsExactly("recovery: max 30.0s");
        assertThatThrownBy(() -> provider("recovery").create(TestParams.of("expect[4].recovery", "{\"max\": \"0s\"}")))
                .isInstanceOf(ScenarioDefinitionException.class).hasMessageContaining("expect[4].recovery.max");
        assertThat(provider("order").create(TestParams.of("expect[5].order", "\"per-key\""))).extracting(Check::describe)
                .containsExactly("order: per-key");
        assertThatThrownBy(() -> provider("order").create(TestParams.of("expect[5].order", "\"global\"")))
                .isInstanceOf(ScenarioDefinitionException.class).hasMessageContaining("expect[5].order")
                .hasMessageContaining("per-key");
    }

    @Test
    void phasesFollowTheFaultWindows() {
        FaultWindows faults = oneFault();
        assertThat(faults.phaseOf(at(999))).isEqualTo(FaultWindows.Phase.BEFORE);
        assertThat(faults.phaseOf(at(1000))).isEqualTo(FaultWindows.Phase.DURING);
        assertThat(faults.phaseOf(at(2000))).isEqualTo(FaultWindows.Phase.AFTER);
        assertThat(FaultWindows.none().phaseOf(at(5000))).isEqualTo(FaultWindows.Phase.BEFORE);
    }
}
