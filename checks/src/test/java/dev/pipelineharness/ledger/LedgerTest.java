package dev.pipelineharness.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.LedgerComparison;
import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void classifiesEveryRecord() {
        Ledger ledger = new Ledger();
        int loans = ledger.destination("filtered_loan_events");
        int cars = ledger.destination("filtered_car_events");
        assertThat(ledger.destination("filtered_loan_events")).isEqualTo(loans);
        long base = ledger.reserve(9);
        for (long i = base; i < base + 9; i++) {
            ledger.plan(i, i < 4 ? 1 : 2, i == 8 ? Ledger.NOWHERE : i < 4 ? loans : cars);
        }
        for (long i = base; i < base + 8; i++) {
            ledger.written(i);
            if (i != 6) {
                ledger.acknowledged(i);
            }
        }
        ledger.written(8); // poison, never acknowledged as routed anywhere
        ledger.written(3); // exact duplicate: written twice
        ledger.acknowledged(3);

        LedgerObserver observer = ledger.observer();
        observer.observed(0, loans);      // delivered
        observer.observed(2, loans);      // key 1 now at ordinal 2
        observer.observed(1, loans);      // out of order: 1 after 2
        observer.observed(1, loans);      // ... and duplicated
        observer.observed(3, loans);      // one of two copies: missing (both acknowledged)
        observer.observed(4, loans);      // wrong destination
        // 5: acknowledged, never seen -> missing; 6: written, unacknowledged, unseen -> not yet seen
        observer.observed(7, cars);

        assertThat(observer.status(0)).isEqualTo(RecordStatus.DELIVERED);
        assertThat(observer.status(1)).isEqualTo(RecordStatus.DUPLICATED);
        assertThat(observer.status(2)).isEqualTo(RecordStatus.DELIVERED);
        assertThat(observer.status(3)).isEqualTo(RecordStatus.MISSING);
        assertThat(observer.status(4)).isEqualTo(RecordStatus.WRONG_DESTINATION);
        assertThat(observer.status(5)).isEqualTo(RecordStatus.MISSING);
        assertThat(observer.status(6)).isEqualTo(RecordStatus.NOT_YET_SEEN);
        assertThat(observer.status(7)).isEqualTo(RecordStatus.DELIVERED);
        assertThat(observer.status(8)).isEqualTo(RecordStatus.DELIVERED);

        LedgerObserver other = ledger.observer();
        other.observed(2, loans);
        other.observed(1, loans);
        assertThat(other.status(1)).isEqualTo(RecordStatus.OUT_OF_ORDER);
        assertThat(other.status(0)).as("observers are independent").isEqualTo(RecordStatus.MISSING);
        assertThat(observer.deliveryLagMillis(0)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void noLossAndNoDuplicatesGoRedNamingTheRecords() {
        Ledger ledger = new Ledger();
        int loans = ledger.destination("filtered_loan_events");
        ledger.reserve(3);
        for (long i = 0; i < 3; i++) {
            ledger.plan(i, 7, loans);
            ledger.written(i);
            ledger.acknowledged(i);
        }
        LedgerObserver observer = ledger.observer();
        observer.observed(0, loans);
        observer.observed(0, loans);
        observer.observed(1, loans);
        LedgerSummary summary = observer.classify(20);

        Verdict lost = LedgerComparison.noLoss(summary, false);
        assertThat(lost.passed()).isFalse();
        assertThat(lost.details()).contains("acknowledged but missing").contains("#2 -> filtered_loan_events (written 1, acknowledged 1, seen 0)");
        Verdict duplicated = LedgerComparison.noDuplicates(summary);
        assertThat(duplicated.passed()).isFalse();
        assertThat(duplicated.details()).contains("duplicated").contains("#0 -> filtered_loan_events (written 1, acknowledged 1, seen 2)");

        observer.observed(2, loans);
        LedgerObserver clean = ledger.observer();
        for (long i = 0; i < 3; i++) {
            clean.observed(i, loans);
        }
        assertThat(LedgerComparison.noLoss(clean.classify(20), true).passed()).isTrue();
        assertThat(LedgerComparison.noDuplicates(clean.classify(20)).passed()).isTrue();
    }

    @Test
    void strictNoLossAlsoFailsOnUnacknowledgedRecords() {
        Ledger ledger = new Ledger();
        int loans = ledger.destination("filtered_loan_events");
        ledger.reserve(1);
        ledger.plan(0, 1, loans);
        ledger.written(0);
        LedgerSummary summary = ledger.observer().classify(20);
        assertThat(LedgerComparison.noLoss(summary, false).passed()).isTrue();
        Verdict strict = LedgerComparison.noLoss(summary, true);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.details()).contains("written but not seen");
    }

    /** Benchmark (not a timed test): heap per record for ten million records, ledger plus one observer. */
    @Test
    void tenMillionRecordsStayWithinThirtyTwoBytesEach() {
        long records = 10_000_000;
        long before = usedHeapAfterGc();
        Ledger ledger = new Ledger();
        int destination = ledger.destination("filtered_loan_events");
        ledger.reserve(records);
        LedgerObserver observer = ledger.observer();
        for (long i = 0; i < records; i++) {
            ledger.plan(i, (int) (i % 1000), destination);
            ledger.written(i);
            ledger.acknowledged(i);
        }
        observer.observed(records - 1, destination);
        long after = usedHeapAfterGc();
        double bytesPerEvent = (after - before) / (double) records;
        System.out.printf(java.util.Locale.ROOT, "BENCH ledger.bytes_per_event %.2f bytes%n", bytesPerEvent);
        assertThat(ledger.size()).isEqualTo(records);
        assertThat(observer.status(records - 1)).isEqualTo(RecordStatus.DELIVERED);
        assertThat(bytesPerEvent).isLessThanOrEqualTo(32.0);
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
