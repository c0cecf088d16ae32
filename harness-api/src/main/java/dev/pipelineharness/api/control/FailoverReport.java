package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link RegionFailover#failover} observed, for the drill's check (RPO, RTO, the group's
 * position) and for the timeline. The fault leaves it in the scenario's store under this type.
 *
 * @param outage         the outage the failover answered
 * @param to             the region failed over to
 * @param cutoverAt      when producers were moved, once {@code to} had stopped receiving replicated records
 * @param cutoverOffsets per physical topic of the deployment and partition, the end offset of its copy in
 *                       {@code to} at cutover: records below it were replicated from the lost region, records
 *                       at or above it were written in {@code to} afterwards
 * @param groups         every consumer group the runbook moved
 * @param arrivals       when records appeared in {@code to} after cutover, as observed live
 * @param steps          the runbook's steps as observed, in order, each with its time since the outage
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record FailoverReport(Outage outage, String to, Instant cutoverAt, Map<String, Map<Integer, Long>> cutoverOffsets,
                             List<GroupResumption> groups, Arrivals arrivals, List<String> steps) {

    public FailoverReport {
        cutoverOffsets = Map.copyOf(cutoverOffsets);
        groups = List.copyOf(groups);
        steps = List.copyOf(steps);
    }

    /**
     * A consumer group moved to {@code to}.
     *
     * @param committedInFrom the sum over partitions of the offsets it had committed in the lost region
     * @param resumedAt       the sum over partitions of the translated offsets it resumed from in {@code to}
     *                        (0 when the replication never carried its position)
     * @param producedInTo    the sum of the end offsets of the topic's copy in {@code to} when it resumed
     * @param readAfterResume records it read in {@code to} after resuming
     */
    public record GroupResumption(String group, String topic, long committedInFrom, long resumedAt,
                                  long producedInTo, long readAfterResume) {

        /** As MirrorMaker's own tests require of a failed-over group: a position, and not past what exists. */
        public boolean resumedWithinProduced() {
            return resumedAt > 0 && resumedAt <= producedInTo;
        }
    }

    /** When records of the deployment's topics appeared in the region failed over to. */
    @FunctionalInterface
    public interface Arrivals {
        /** When the record at {@code offset} of {@code partition} of the physical {@code topic} was first seen; empty if never. */
        Optional<Instant> at(String topic, int partition, long offset);
    }
}
