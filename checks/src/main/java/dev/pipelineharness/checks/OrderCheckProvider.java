package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code order: per-key} (or {@code order: {per: key, within: 60s}}): the records of each ordering key
 * of the ledger (the generator's entity) arrive at their destination in the order they were written.
 * Judged on each record's first copy, once every acknowledged record has arrived; a later copy (a
 * redelivery) is the business of {@code no-duplicates}.
 */
public final class OrderCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "order";
    }

    @Override
    public List<Check> create(Params params) {
        Duration within = CheckSettings.DEFAULT_WITHIN;
        if (params.isScalar()) {
            if (!params.scalarText().equals("per-key")) {
                throw params.error("", "'" + params.scalarText() + "' is not an order this check judges: per-key");
            }
        } else if (params.isMapping()) {
            params.allowOnly("per", "within");
            params.choice("per", List.of("key"), "key");
            within = CheckSettings.within(params);
        } else if (!params.isNull()) {
            throw params.error("", "expected per-key");
        }
        return List.of(new LedgerCheck("order: per-key", within, OrderCheckProvider::judge));
    }

    static Verdict judge(LedgerView view) {
        long missing = view.stillMissing();
        if (missing > 0) {
            return Verdict.fail("order: " + missing + " acknowledged record(s) not at their destination yet",
                    "the order is judged once every acknowledged record has arrived");
        }
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        long judged = 0;
        long outOfOrder = 0;
        List<String> samples = new ArrayList<>();
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            if (observer.seenCopies(ordinal) == 0) {
                continue;
            }
            judged++;
            if (observer.outOfOrder(ordinal)) {
                outOfOrder++;
                if (samples.size() < DiffReport.LIMIT) {
                    samples.add(ledger.label(ordinal) + " -> " + ledger.destinationName(ledger.destinationOf(ordinal))
                            + " (key " + ledger.key(ordinal) + "): arrived after a record of its key written later");
                }
            }
        }
        return new DiffReport("order per key", judged, judged - outOfOrder)
                .section("out of order" + (outOfOrder > samples.size() ? " (" + outOfOrder + " in all)" : ""), samples)
                .verdict();
    }
}
