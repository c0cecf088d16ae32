package dev.pipelineharness.checks.failover;

import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import dev.pipelineharness.checks.DiffReport;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Judges a failover drill from what was written (the ledger, split by region with the
 * {@link RegionSwitch}), what the replica held at cutover (the ordinals in its copy of the source
 * topic below the cutover offsets), what reached the output topics in the new region, and the
 * runbook's {@link FailoverReport}:
 *
 * <ul>
 *   <li><b>RPO</b>: events acknowledged by the lost region and absent from the replica's source topic at
 *       cutover: their count, the event-time span they cover and the span of their acknowledgements;</li>
 *   <li><b>RTO</b>: from the outage to the first record, in an output topic of the new region, of an
 *       event written to the new region after cutover (its arrival as observed live);</li>
 *   <li>every acknowledged event outside the RPO in its output topic there (replicated copies count);
 *       an event in another output topic is misrouted; unacknowledged writes may be missing;</li>
 *   <li>redeliveries (copies beyond the first, from offset translation) as a fraction of delivered events;</li>
 *   <li>each moved consumer group resumed at a position {@literal > 0} and {@literal <=} what the new region held.</li>
 * </ul>
 */
final class FailoverJudgement {

    private FailoverJudgement() {
    }

    /**
     * @param outputTopics     logical output topic -> physical name; the events the ledger sends to one of them are judged
     * @param replicatedAtCutover ordinals in the replica's source topic below the cutover offsets
     * @param outputs          the records read from the output topics' copies in the new region
     * @param eventTimeOf      an ordinal's event time (milliseconds), for the RPO's span
     */
    static Verdict judge(Ledger ledger, RegionSwitch regionSwitch, FailoverReport report, Map<String, String> outputTopics,
                         Set<Long> replicatedAtCutover, List<WestRecord> outputs, LongUnaryOperator eventTimeOf,
                         FailoverThresholds thresholds) {
        String from = report.outage().region();
        String to = report.to();
        Map<String, String> logicalOf = new HashMap<>();
        outputTopics.forEach((logical, physical) -> logicalOf.put(physical, logical));
        Map<String, Map<Long, Integer>> copies = new HashMap<>();
        List<String> misrouted = new ArrayList<>();
        for (WestRecord record : outputs) {
            if (record.ordinal() < 0 || record.ordinal() >= ledger.size()) {
                continue;
            }
            String logical = logicalOf.get(record.topic());
            String destination = ledger.destinationName(ledger.destinationOf(record.ordinal()));
            if (!destination.equals(logical)) {
                misrouted.add("ordinal " + record.ordinal() + " (for " + destination + ") in " + logical + " at "
                        + record.partition() + "/" + record.offset());
                continue;
            }
            copies.computeIfAbsent(logical, ignored -> new HashMap<>()).merge(record.ordinal(), 1, Integer::sum);
        }

        long judged = 0;
        long unacknowledged = 0;
        long delivered = 0;
        long redelivered = 0;
        long writtenToNewRegion = 0;
        List<Long> rpo = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
            String destination = ledger.destinationName(ledger.destinationOf(ordinal));
            if (!outputTopics.containsKey(destination) || ledger.writtenCopies(ordinal) == 0) {
                continue;
            }
            judged++;
            String region = regionSwitch.regionOf(ordinal).orElse(from);
            if (region.equals(to)) {
                writtenToNewRegion++;
            }
            int found = copies.getOrDefault(destination, Map.of()).getOrDefault(ordinal, 0);
            if (found > 0) {
                delivered++;
                redelivered += found - 1;
            }
            if (ledger.ackedCopies(ordinal) == 0) {
                unacknowledged++;
                continue;
            }
            if (region.equals(from) && !replicatedAtCutover.contains(ordinal)) {
                rpo.add(ordinal);
                continue;
            }
            if (found == 0) {
                lost.add("ordinal " + ordinal + " for " + destination + ": written to " + region + ", acknowledged"
                        + (region.equals(from) ? ", in " + to + "'s copy at cutover" : "") + ", missing from "
                        + destination + " in " + to);
            }
        }

        Optional<Duration> rto = rto(ledger, regionSwitch, report, outputs, to);
        double duplicateFraction = delivered == 0 ? 0 : (double) redelivered / delivered;

        List<String> rpoProblems = new ArrayList<>();
        if (rpo.size() > thresholds.rpoMaxEvents()) {
            rpoProblems.add("RPO " + rpo.size() + " event(s) lost at cutover, more than the " + thresholds.rpoMaxEvents()
                    + " allowed: " + describeRpo(rpo, ledger, eventTimeOf) + "; first lost: " + rpo.subList(0,
                    Math.min(10, rpo.size())));
        }
        List<String> rtoProblems = new ArrayList<>();
        if (rto.isEmpty() && writtenToNewRegion == 0) {
            rtoProblems.add("no event was written to " + to + ": the input had ended before the producers moved, so"
                    + " there is no RTO to measure; generate for longer than the drill takes to reach its outage");
        } else if (rto.isEmpty()) {
            rtoProblems.add("no event written to " + to + " after cutover (" + writtenToNewRegion
                    + " written there) reached an output topic in " + to + ": the pipeline did not recover");
        } else if (rto.get().compareTo(thresholds.rtoMax()) > 0) {
            rtoProblems.add("RTO " + seconds(rto.get()) + " is above the " + seconds(thresholds.rtoMax()) + " allowed");
        }
        List<String> duplicateProblems = new ArrayList<>();
        if (duplicateFraction > thresholds.duplicatesMax()) {
            duplicateProblems.add(redelivered + " redelivered copies of " + delivered + " delivered event(s) ("
                    + percent(duplicateFraction) + ") exceed the " + percent(thresholds.duplicatesMax()) + " allowed");
        }
        List<String> groupProblems = new ArrayList<>();
        for (GroupResumption group : report.groups()) {
            if (!group.resumedWithinProduced()) {
                groupProblems.add("group " + group.group() + " resumed in " + to + " at " + group.resumedAt() + " of "
                        + group.producedInTo() + " record(s) of " + group.topic() + " (had committed "
                        + group.committedInFrom() + " in " + from + "): a failed-over position must be > 0 and <= produced");
            }
        }

        DiffReport diff = new DiffReport("failover " + from + "->" + to + " (" + String.join(", ",
                new java.util.TreeSet<>(outputTopics.keySet())) + ")", judged - unacknowledged - rpo.size(),
                judged - unacknowledged - rpo.size() - lost.size())
                .section("RPO above its bound", rpoProblems)
                .section("RTO", rtoProblems)
                .section("missing after failover (outside the RPO)", lost)
                .section("misrouted", misrouted)
                .section("redeliveries above their bound", duplicateProblems)
                .section("consumer groups", groupProblems);
        String figures = "RPO " + describeRpo(rpo, ledger, eventTimeOf)
                + "; RTO " + rto.map(FailoverJudgement::seconds).orElse("none (no record through " + to + ")")
                + "; " + (judged - unacknowledged - rpo.size() - lost.size()) + " of " + (judged - unacknowledged - rpo.size())
                + " acknowledged event(s) outside the RPO in " + to + " (" + unacknowledged + " unacknowledged, "
                + writtenToNewRegion + " written to " + to + ")"
                + "; " + redelivered + " redelivered (" + percent(duplicateFraction) + ")"
                + groups(report);
        if (diff.clean()) {
            return Verdict.pass(diff.summary() + ": " + figures);
        }
        Verdict failed = Verdict.fail(diff.summary() + ": " + figures, diff.details());
        // what was lost at cutover is fixed once the cutover happened, and the checks run after the
        // input ended: no later arrival brings a lost event back or an event written to the new region
        return rpoProblems.isEmpty() && writtenToNewRegion > 0 ? failed : failed.asConclusive();
    }

    /** Outage to the first arrival of a record, past cutover, of an event written to the new region. */
    private static Optional<Duration> rto(Ledger ledger, RegionSwitch regionSwitch, FailoverReport report,
                                          List<WestRecord> outputs, String to) {
        Instant first = null;
        for (WestRecord record : outputs) {
            if (record.ordinal() < 0 || record.ordinal() >= ledger.size()
                    || !regionSwitch.regionOf(record.ordinal()).map(to::equals).orElse(false)) {
                continue;
            }
            long cutover = report.cutoverOffsets().getOrDefault(record.topic(), Map.of())
                    .getOrDefault(record.partition(), 0L);
            if (record.offset() < cutover) {
                continue;
            }
            Optional<Instant> arrived = report.arrivals().at(record.topic(), record.partition(), record.offset());
            if (arrived.isPresent() && (first == null || arrived.get().isBefore(first))) {
                first = arrived.get();
            }
        }
        return Optional.ofNullable(first).map(at -> Duration.between(report.outage().at(), at));
    }

    private static String describeRpo(List<Long> rpo, Ledger ledger, LongUnaryOperator eventTimeOf) {
        if (rpo.isEmpty()) {
            return "0 events";
        }
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        long minAck = Long.MAX_VALUE;
        long maxAck = Long.MIN_VALUE;
        for (long ordinal : rpo) {
            long time = eventTimeOf.applyAsLong(ordinal);
            minTime = Math.min(minTime, time);
            maxTime = Math.max(maxTime, time);
            int acked = ledger.ackedAtMillis(ordinal);
            minAck = Math.min(minAck, acked);
            maxAck = Math.max(maxAck, acked);
        }
        return rpo.size() + " event(s), event time " + Instant.ofEpochMilli(minTime) + " to " + Instant.ofEpochMilli(maxTime)
                + " (" + (maxTime - minTime) + " ms), acknowledged within " + (maxAck - minAck) + " ms";
    }

    private static String groups(FailoverReport report) {
        StringBuilder text = new StringBuilder();
        for (GroupResumption group : report.groups()) {
            text.append("; group ").append(group.group()).append(" resumed at ").append(group.resumedAt()).append(" of ")
                    .append(group.producedInTo());
        }
        return text.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
