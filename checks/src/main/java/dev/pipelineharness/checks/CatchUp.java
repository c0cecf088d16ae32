package dev.pipelineharness.checks;

import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * When the pipeline had caught up after the last heal, from the ledger alone:
 * <ul>
 *   <li><b>backlog cleared</b>: the last appearance at its destination of an acknowledged record that was
 *   written before the heal;</li>
 *   <li><b>back to speed</b>: the appearance of the earliest-written record after the heal whose latency
 *   is at most the pre-fault p99: the p99 latency of the records that had arrived before the first fault
 *   was injected (new input flows at the pre-fault speed again).</li>
 * </ul>
 * Caught up is the later of the two; recovery is that minus the heal (0 if already caught up). Without
 * a record that arrived before the first fault, or without records written after the heal, only the
 * backlog counts. The pre-fault level counts arrivals, not writes: a record written just before a
 * broker kill may be held up by the kill itself (its transaction aborted), and is no measure of speed.
 * Arrivals alone are a fair level only while the pipeline kept up before the fault: when most records
 * written well before it (at least that level earlier) had not arrived by the fault, the few that had
 * are the fastest survivors of a pipeline running seconds behind (a starved machine), and their p99
 * is no speed to return to; then, too, only the backlog counts, and the verdict says why.
 */
final class CatchUp {

    private final long recoveryMillis;
    private final long backlog;
    private final long backlogClearedMillis;
    private final Optional<Long> level;
    private final Optional<Long> backToSpeedMillis;
    private final long writtenAfter;
    private final long lastWriteAfterMillis;
    /** Why the arrivals before the first fault give no level although some arrived; empty when they do. */
    private final Optional<String> noLevelBecause;

    private CatchUp(long recoveryMillis, long backlog, long backlogClearedMillis, Optional<Long> level,
                    Optional<Long> backToSpeedMillis, long writtenAfter, long lastWriteAfterMillis,
                    Optional<String> noLevelBecause) {
        this.recoveryMillis = recoveryMillis;
        this.backlog = backlog;
        this.backlogClearedMillis = backlogClearedMillis;
        this.level = level;
        this.backToSpeedMillis = backToSpeedMillis;
        this.writtenAfter = writtenAfter;
        this.lastWriteAfterMillis = lastWriteAfterMillis;
        this.noLevelBecause = noLevelBecause;
    }

    static CatchUp of(LedgerView view) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Instant heal = view.faults().lastHeal().orElseThrow();
        Optional<Long> arrivalsP99 = preFaultP99(view);
        Optional<String> noLevelBecause = arrivalsP99.flatMap(p99 -> notKeptUpBefore(view, p99));
        Optional<Long> level = noLevelBecause.isPresent() ? Optional.empty() : arrivalsP99;
        long backlog = 0;
        long cleared = Long.MIN_VALUE;
        long earliestOnTimeWrite = Long.MAX_VALUE;
        long backToSpeed = Long.MIN_VALUE;
        long writtenAfter = 0;
        long lastWriteAfter = Long.MIN_VALUE;
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            long seen = observer.firstSeenAtMillis(ordinal);
            int written = ledger.writtenAtMillis(ordinal);
            if (seen == LedgerObserver.UNKNOWN || written == 0 || ledger.destinationOf(ordinal) == Ledger.NOWHERE) {
                continue;
            }
            long seenSinceHeal = view.millisSince(heal, seen);
            if (view.millisSince(heal, written) < 0) {
                if (ledger.ackedCopies(ordinal) > 0 && seenSinceHeal >= 0) {
                    backlog++;
                }
                cleared = Math.max(cleared, seenSinceHeal);
            } else {
                writtenAfter++;
                lastWriteAfter = Math.max(lastWriteAfter, view.millisSince(heal, written));
                if (level.isPresent() && seen - written <= level.get() && written < earliestOnTimeWrite) {
                    earliestOnTimeWrite = written;
                    backToSpeed = seenSinceHeal;
                }
            }
        }
        Optional<Long> speed = backToSpeed == Long.MIN_VALUE ? Optional.empty() : Optional.of(backToSpeed);
        long caughtUp = Math.max(cleared, speed.orElse(Long.MIN_VALUE));
        return new CatchUp(Math.max(0, caughtUp), backlog, cleared, level, speed, writtenAfter, lastWriteAfter,
                noLevelBecause);
    }

    /**
     * Why the pipeline did not keep up before the first fault, if it did not: fewer than half of the
     * records written at least {@code p99} before the fault had arrived by the fault.
     */
    static Optional<String> notKeptUpBefore(LedgerView view, long p99) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Instant first = view.faults().firstInjection().orElseThrow();
        long early = 0;
        long arrived = 0;
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            int written = ledger.writtenAtMillis(ordinal);
            if (written == 0 || ledger.destinationOf(ordinal) == Ledger.NOWHERE || ledger.ackedCopies(ordinal) == 0
                    || view.millisSince(first, written) > -p99) {
                continue;
            }
            early++;
            long seen = observer.firstSeenAtMillis(ordinal);
            if (seen != LedgerObserver.UNKNOWN && view.millisSince(first, seen) < 0) {
                arrived++;
            }
        }
        if (early == 0 || arrived * 2 >= early) {
            return Optional.empty();
        }
        return Optional.of("the pipeline was not keeping up before the first fault: " + arrived + " of the " + early
                + " record(s) written at least the p99 of the early arrivals (" + Millis.format(p99)
                + ") before it had arrived by then, so there is no pre-fault speed to return to");
    }

    /** The p99 latency of the records that arrived before the first fault was injected, if any did. */
    static Optional<Long> preFaultP99(LedgerView view) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Instant first = view.faults().firstInjection().orElseThrow();
        IntStream.Builder latencies = IntStream.builder();
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            long seen = observer.firstSeenAtMillis(ordinal);
            long latency = observer.latencyMillis(ordinal);
            if (seen != LedgerObserver.UNKNOWN && latency != LedgerObserver.UNKNOWN
                    && ledger.destinationOf(ordinal) != Ledger.NOWHERE && view.millisSince(first, seen) < 0) {
                latencies.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, latency)));
            }
        }
        int[] sorted = latencies.build().sorted().toArray();
        return sorted.length == 0 ? Optional.empty() : Optional.of(PhaseLatencies.rank(sorted, 99));
    }

    long recoveryMillis() {
        return recoveryMillis;
    }

    /** When the last record written after the heal was written, in milliseconds after the heal. */
    long lastWriteAfterMillis() {
        return lastWriteAfterMillis;
    }

    /** Records were written after the heal and none was as fast as before the fault. */
    boolean neverBackToLevel() {
        return level.isPresent() && writtenAfter > 0 && backToSpeedMillis.isEmpty();
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(backlog).append(" record(s) written before the heal arrived after it, the last at ")
                .append(backlogClearedMillis == Long.MIN_VALUE ? "none" : SlowestRecords.signed(backlogClearedMillis));
        if (noLevelBecause.isPresent()) {
            text.append("; ").append(noLevelBecause.get());
        } else if (level.isEmpty()) {
            text.append("; no record arrived before the first fault, so there is no pre-fault speed to return to");
        } else if (writtenAfter == 0) {
            text.append("; no record was written after the heal, so the speed criterion was not applied");
        } else if (backToSpeedMillis.isEmpty()) {
            text.append("; none of the ").append(writtenAfter).append(" record(s) written after the heal arrived within the"
                    + " pre-fault p99 of ").append(Millis.format(level.get())).append(", the last written at ")
                    .append(SlowestRecords.signed(lastWriteAfterMillis));
        } else {
            text.append("; the first record written after the heal within the pre-fault p99 (")
                    .append(Millis.format(level.get())).append(") arrived at ")
                    .append(SlowestRecords.signed(backToSpeedMillis.get()));
        }
        return text.toString();
    }
}
