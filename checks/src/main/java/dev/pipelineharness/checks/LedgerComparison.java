package dev.pipelineharness.checks;

import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.ledger.LedgerSummary;
import dev.pipelineharness.ledger.RecordStatus;
import java.util.ArrayList;
import java.util.List;

/** Verdicts over a {@link LedgerSummary}: nothing lost, nothing duplicated. Pure: no I/O. */
public final class LedgerComparison {

    private LedgerComparison() {
    }

    /**
     * No loss: every acknowledged record reached its destination ({@code acknowledged}), or every
     * written record did ({@code strictAll}, which also fails on records never acknowledged).
     */
    public static Verdict noLoss(LedgerSummary summary, boolean strictAll) {
        List<String> missing = new ArrayList<>(summary.samples(RecordStatus.MISSING));
        long missingCount = summary.count(RecordStatus.MISSING);
        DiffReport report = new DiffReport("no-loss (" + (strictAll ? "all written" : "acknowledged") + ")",
                summary.written(), summary.written() - missingCount - summary.count(RecordStatus.NOT_YET_SEEN));
        report.section("acknowledged but missing" + more(missingCount, missing.size()), missing);
        report.section("at the wrong destination" + more(summary.count(RecordStatus.WRONG_DESTINATION),
                summary.samples(RecordStatus.WRONG_DESTINATION).size()), summary.samples(RecordStatus.WRONG_DESTINATION));
        if (strictAll) {
            report.section("written but not seen" + more(summary.count(RecordStatus.NOT_YET_SEEN),
                    summary.samples(RecordStatus.NOT_YET_SEEN).size()), summary.samples(RecordStatus.NOT_YET_SEEN));
        }
        return report.verdict();
    }

    /** No duplicates: no record seen more often than it was written (poison seen at all counts too). */
    public static Verdict noDuplicates(LedgerSummary summary) {
        long duplicated = summary.count(RecordStatus.DUPLICATED);
        return new DiffReport("no-duplicates", summary.written(), summary.written() + duplicated)
                .section("duplicated" + more(duplicated, summary.samples(RecordStatus.DUPLICATED).size()),
                        summary.samples(RecordStatus.DUPLICATED))
                .verdict();
    }

    /**
     * At-least-once within a bound: green while the records that arrived more than once are at most
     * {@code max} of those written, with the figure in the summary either way.
     */
    public static Verdict atLeastOnce(LedgerSummary summary, double max) {
        long duplicated = summary.count(RecordStatus.DUPLICATED);
        double share = summary.written() == 0 ? 0 : (double) duplicated / summary.written();
        String figures = duplicated + " of " + summary.written() + " record(s) redelivered (" + percent(share) + ", at most "
                + percent(max) + " allowed)";
        if (share <= max) {
            return Verdict.pass("no-duplicates (at-least-once): " + figures);
        }
        Verdict diff = new DiffReport("no-duplicates (at-least-once)", summary.written(), summary.written() + duplicated)
                .section("duplicated" + more(duplicated, summary.samples(RecordStatus.DUPLICATED).size()),
                        summary.samples(RecordStatus.DUPLICATED))
                .verdict();
        return Verdict.fail(diff.summary() + "; " + figures, diff.details());
    }

    public static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String more(long total, int shown) {
        return total > shown ? " (" + total + " in all)" : "";
    }
}
