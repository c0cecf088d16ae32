package dev.pipelineharness.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * One record followed through the pipeline's hops in order (the source topic, the destination, its
 * mirror in another region): how many copies each holds, and the first hop where it went missing
 * or was duplicated.
 *
 * @param hops   the hops' names, in pipeline order ({@code raw_business_events}, {@code filtered_loan_events},
 *               {@code west:filtered_loan_events})
 * @param copies the copies each hop holds, in the same order
 */
record HopTrace(List<String> hops, List<Integer> copies) {

    HopTrace {
        if (hops.size() != copies.size()) {
            throw new IllegalArgumentException(hops.size() + " hops but " + copies.size() + " counts");
        }
        hops = List.copyOf(hops);
        copies = List.copyOf(copies);
    }

    /** Where a record acknowledged {@code acknowledged} times fell short first. */
    String lostAt(int acknowledged) {
        for (int i = 0; i < hops.size(); i++) {
            if (copies.get(i) < acknowledged) {
                return i == 0 ? "lost before " + hops.get(0) + " (acknowledged by Kafka, yet not in it)"
                        : "lost between " + hops.get(i - 1) + " and " + hops.get(i);
            }
        }
        return "present at every hop";
    }

    /** Where a record written {@code written} times first held more copies. */
    String duplicatedAt(int written) {
        for (int i = 0; i < hops.size(); i++) {
            if (copies.get(i) > written) {
                return i == 0 ? "duplicated in " + hops.get(0) + " (more copies than were written)"
                        : "duplicated between " + hops.get(i - 1) + " and " + hops.get(i);
            }
        }
        return "no hop holds more copies than were written";
    }

    /** {@code raw_business_events 1, filtered_loan_events 0}. */
    String counts() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            parts.add(hops.get(i) + " " + copies.get(i));
        }
        return String.join(", ", parts);
    }
}
