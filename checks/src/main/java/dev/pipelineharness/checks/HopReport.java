package dev.pipelineharness.checks;

import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.ledger.RecordStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to a red no-loss or no-duplicates verdict where each record went wrong: every missing
 * (duplicated) record is traced hop by hop, the hops at fault are counted in the summary line, and
 * the first records are listed with their copies at each hop.
 */
final class HopReport {

    private HopReport() {
    }

    /** {@code verdict} with where each acknowledged-but-missing record was lost. */
    static Verdict missing(LedgerView view, Verdict verdict) {
        return locate(view, verdict, RecordStatus.MISSING, "where they went missing",
                (trace, ledger, ordinal) -> trace.lostAt(ledger.ackedCopies(ordinal)));
    }

    /** {@code verdict} with where each duplicated record gained its extra copies. */
    static Verdict duplicated(LedgerView view, Verdict verdict) {
        return locate(view, verdict, RecordStatus.DUPLICATED, "where they were duplicated",
                (trace, ledger, ordinal) -> trace.duplicatedAt(ledger.writtenCopies(ordinal)));
    }

    private interface Finding {
        String of(HopTrace trace, Ledger ledger, long ordinal);
    }

    private static Verdict locate(LedgerView view, Verdict verdict, RecordStatus status, String title, Finding finding) {
        if (verdict.passed()) {
            return verdict;
        }
        Hops hops = view.hops();
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Map<String, Long> byHop = new LinkedHashMap<>();
        List<String> samples = new ArrayList<>();
        long size = ledger.size();
        for (long ordinal = 0; ordinal < size; ordinal++) {
            if (observer.status(ordinal) != status) {
                continue;
            }
            HopTrace trace = hops.trace(ordinal, observer.seenCopies(ordinal));
            String where = finding.of(trace, ledger, ordinal);
            byHop.merge(where, 1L, Long::sum);
            if (samples.size() < DiffReport.LIMIT) {
                samples.add(ledger.label(ordinal) + " -> " + ledger.destinationName(ledger.destinationOf(ordinal)) + ": "
                        + trace.counts() + ": " + where);
            }
        }
        if (byHop.isEmpty()) {
            return verdict;
        }
        List<String> tally = new ArrayList<>();
        byHop.forEach((where, count) -> tally.add(count + " " + where));
        StringBuilder details = new StringBuilder(verdict.details());
        String newline = System.lineSeparator();
        details.append(newline).append(title).append(" (copies at each hop, in pipeline order):");
        tally.forEach(line -> details.append(newline).append("  ").append(line));
        samples.forEach(line -> details.append(newline).append("  ").append(line));
        hops.notes().forEach(note -> details.append(newline).append("  (").append(note).append(")"));
        return Verdict.fail(verdict.summary() + "; " + String.join("; ", tally), details.toString());
    }
}
