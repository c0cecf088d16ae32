package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.RowComparison;
import dev.pipelineharness.checks.RowComparison.RowDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code canary: true}: proves in the very run that a comparison by key is alive. Beside the real
 * comparison it plants two known defects and requires each to be flagged, and nothing else to change:
 * a <em>lost</em> row (expected, as if a write had been acknowledged, but never written: a copy of an
 * expected row under a key no output has) must be reported missing, and a <em>duplicated</em> row (an
 * observed row written once more) must be reported as a key seen twice. The verdict is the real
 * comparison's, its summary naming the flagged canaries; an unflagged canary fails the check.
 */
final class RowCanaries {

    static final String PREFIX = "canary-";

    private RowCanaries() {
    }

    static Verdict judge(String subject, List<String> key, List<Map<String, Object>> expected,
                         List<Map<String, Object>> observed, boolean canary) {
        RowDiff real = RowComparison.diff(key, expected, observed);
        Verdict verdict = RowComparison.report(subject, expected.size(), observed.size(), real);
        if (!canary) {
            return verdict;
        }
        if (expected.isEmpty() || observed.isEmpty()) {
            return Verdict.fail(subject + ": no " + (expected.isEmpty() ? "expected" : "observed")
                    + " row yet to plant the canaries on", verdict.details());
        }
        Map<String, Object> lost = new LinkedHashMap<>(expected.get(0));
        key.forEach(column -> lost.put(column, PREFIX + lost.get(column)));
        Map<String, Object> duplicated = new LinkedHashMap<>(observed.get(0));
        List<Map<String, Object>> plantedExpected = new ArrayList<>(expected);
        plantedExpected.add(lost);
        List<Map<String, Object>> plantedObserved = new ArrayList<>(observed);
        plantedObserved.add(duplicated);
        RowDiff planted = RowComparison.diff(key, plantedExpected, plantedObserved);

        String lostEntry = RowComparison.render(lost);
        String duplicateEntry = "key " + RowComparison.key(key, duplicated) + " appears more than once: "
                + RowComparison.render(duplicated);
        List<String> unflagged = new ArrayList<>();
        if (!planted.missing().contains(lostEntry) || planted.missing().size() != real.missing().size() + 1) {
            unflagged.add("the lost row " + RowComparison.key(key, lost) + " was not reported missing");
        }
        if (!planted.extra().contains(duplicateEntry) || planted.extra().size() != real.extra().size() + 1) {
            unflagged.add("the duplicated row " + RowComparison.key(key, duplicated) + " was not reported twice");
        }
        if (!planted.wrong().equals(real.wrong())) {
            unflagged.add("the canaries changed the wrong rows");
        }
        if (!unflagged.isEmpty()) {
            return Verdict.fail(subject + ": a canary went unflagged, this check cannot be trusted in this run",
                    String.join(System.lineSeparator(), unflagged));
        }
        String flagged = "; canaries flagged: lost " + RowComparison.key(key, lost) + ", duplicated "
                + RowComparison.key(key, duplicated);
        return verdict.passed() ? Verdict.pass(verdict.summary() + flagged)
                : Verdict.fail(verdict.summary() + flagged, verdict.details());
    }
}
