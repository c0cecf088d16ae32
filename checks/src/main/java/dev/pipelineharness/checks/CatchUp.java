package dev.pipelineharness.checks;

import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.time.Instant;
import java.util.Optional;

/**
 * When the pipeline had caught up after the last heal, from the ledger alone:
 * <ul>
 *   <li><b>backlog cleared</b>: the last appearance at its destination of an acknowledged record that was
 *   written before the heal;</li>
 *   <li><b>back to speed</b>: the appearance of the earliest-written record after the heal whose latency
 *   is at most the before-phase p99 (new input flows at the pre-fault speed again).</li>
 * </ul>
 * Caught up is the later of the two; recovery is that minus the heal (0 if already caught up). Without
 * a before phase, or without records written after the heal, only the backlog counts.
 */
final class CatchUp {

    private final long recoveryMillis;
    private final long backlog;
    private final long backlogClearedMillis;
    private final Optional<Long> level;
    private final Optional<Long> backToSpeedMillis;
    private final long writtenAfter;

    private CatchUp(long recoveryMillis, long backlog, long backlogClearedMillis, Optional<Long> level,
                    Optional<Long> backToSpeedMillis, long writtenAfter) {
        this.recoveryMillis = recoveryMillis;
        this.backlog = backlog;
        this.backlogClearedMillis = backlogClearedMillis;
        this.level = level;
        this.backToSpeedMillis = backToSpeedMillis;
        this.writtenAfter = writtenAfter;
    }

    static CatchUp of(LedgerView view) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Instant heal = view.faults().lastHeal().orElseThrow();
        Optional<Long> level = PhaseLatencies.of(view).figures("before").map(PhaseLatencies.Figures::p99);
        long backlog = 0;
        long cleared = Long.MIN_VALUE;
        long earliestOnTimeWrite = Long.MAX_VALUE;
        long backToSpeed = Long.MIN_VALUE;
        long writtenAfter = 0;
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
                if (level.isPresent() && seen - written <= level.get() && written < earliestOnTimeWrite) {
                    earliestOnTimeWrite = written;
                    backToSpeed = seenSinceHeal;
                }
            }
        }
        Optional<Long> speed = backToSpeed == Long.MIN_VALUE ? Optional.empty() : Optional.of(backToSpeed);
        long caughtUp = Math.max(cleared, speed.orElse(Long.MIN_VALUE));
        return new CatchUp(Math.max(0, caughtUp), backlog, cleared, level, speed, writtenAfter);
    }

    long recoveryMillis() {
        return recoveryMillis;
    }

    /** Records were written after the heal and none was as fast as before the fault. */
    boolean neverBackToLevel() {
        return level.isPresent() && writtenAfter > 0 && backToSpeedMillis.isEmpty();
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(backlog).append(" record(s) written before the heal arrived after it, the last at ")
                .append(backlogClearedMillis == Long.MIN_VALUE ? "none" : SlowestRecords.signed(backlogClearedMillis));
        if (level.isEmpty()) {
            text.append("; no record was written before the first fault, so the speed criterion was not applied");
        } else if (writtenAfter == 0) {
            text.append("; no record was written after the heal, so the speed criterion was not applied");
        } else if (backToSpeedMillis.isEmpty()) {
            text.append("; none of the ").append(writtenAfter).append(" record(s) written after the heal arrived within the"
                    + " before-phase p99 of ").append(Millis.format(level.get()));
        } else {
            text.append("; the first record written after the heal within the before-phase p99 (")
                    .append(Millis.format(level.get())).append(") arrived at ")
                    .append(SlowestRecords.signed(backToSpeedMillis.get()));
        }
        return text.toString();
    }
}
