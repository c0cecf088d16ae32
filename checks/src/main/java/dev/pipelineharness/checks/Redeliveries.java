package dev.pipelineharness.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * At-least-once delivery, judged: a change event whose key and source position were seen before is
 * a redelivered copy (a connector resuming from its last committed offset after a crash sends again
 * what it had sent since), not a new change. Events without a source position are never dropped.
 *
 * @param changes     the observed changes with every redelivered copy removed, in their order
 * @param redelivered how many copies were removed
 */
public record Redeliveries(List<ObservedChange> changes, int redelivered) {

    public static Redeliveries removeFrom(List<ObservedChange> observed) {
        Set<String> seen = new HashSet<>();
        List<ObservedChange> first = new ArrayList<>();
        int copies = 0;
        for (ObservedChange change : observed) {
            if (change.sourcePosition() != null && !seen.add(change.key() + "@" + change.sourcePosition())) {
                copies++;
            } else {
                first.add(change);
            }
        }
        return new Redeliveries(List.copyOf(first), copies);
    }
}
