package dev.pipelineharness.checks;

import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The slowest records of a phase, for the details of a red latency verdict. */
final class SlowestRecords {

    private record Slow(long ordinal, long latency) {
    }

    private SlowestRecords() {
    }

    static String describe(LedgerView view, String phase, int limit) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        // the head is the record to drop first: the fastest, and of equally fast ones the latest written
        Comparator<Slow> fastestLast = Comparator.comparingLong(Slow::latency)
                .thenComparing(Comparator.comparingLong(Slow::ordinal).reversed());
        PriorityQueue<Slow> slowest = new PriorityQueue<>(fastestLast);
        Instant origin = view.faults().firstInjection().orElse(view.instant(1));
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            long latency = observer.latencyMillis(ordinal);
            if (latency == LedgerObserver.UNKNOWN || ledger.destinationOf(ordinal) == Ledger.NOWHERE) {
                continue;
            }
            FaultWindows.Phase of = view.faults().phaseOf(view.instant(ledger.writtenAtMillis(ordinal)));
            if (phase.equals(PhaseLatencies.ALL) || of.key().equals(phase)) {
                slowest.add(new Slow(ordinal, latency));
                if (slowest.size() > limit) {
                    slowest.poll();
                }
            }
        }
        List<Slow> sorted = new ArrayList<>(slowest);
        sorted.sort(fastestLast.reversed());
        StringBuilder text = new StringBuilder("slowest records (" + phase + "; written at, relative to "
                + (view.faults().isEmpty() ? "the start of generation" : "the first fault") + "):");
        for (Slow slow : sorted) {
            text.append(System.lineSeparator()).append("  #").append(slow.ordinal()).append(" -> ")
                    .append(ledger.destinationName(ledger.destinationOf(slow.ordinal()))).append(": ")
                    .append(Millis.format(slow.latency())).append(", written at ")
                    .append(signed(view.millisSince(origin, ledger.writtenAtMillis(slow.ordinal()))));
        }
        return text.toString();
    }

    static String signed(long millis) {
        return (millis >= 0 ? "+" : "-") + Millis.format(Math.abs(millis));
    }
}
