package dev.pipelineharness.local.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The drill's steady state before its outage. A pre-release drill starts from a healthy replica:
 * an outage struck while MirrorMaker's offset translation happens to lag seconds behind (a busy
 * machine) measures that moment rather than the failover, and restarts the Flink job seconds back,
 * so it routes again, and redelivers, what it had routed already. So, while the downstream groups
 * consume and commit in the active region, this waits until
 * <ul>
 *   <li>each of the pipeline's source groups' positions in the replica trails the one it committed
 *       in the active region by at most a bound in time ({@link GroupSyncLag}). Their positions
 *       compare as offsets: the inputs are written without transactions, so the replica's copy of an
 *       input topic has the same offsets;</li>
 *   <li>each downstream group has a position in the replica. Its topic is a Flink output written in
 *       transactions, whose markers MirrorMaker does not copy, so offsets there run lower than in the
 *       active region and do not compare.</li>
 * </ul>
 */
final class ReplicaInSync {

    private static final Duration POLL = Duration.ofMillis(200);

    private ReplicaInSync() {
    }

    /**
     * Waits at most {@code timeout} until {@code to} holds a position of every downstream group and
     * of every pipeline group one trailing the group's in {@code from} by at most {@code maxLag}, the
     * downstream groups consuming meanwhile.
     * Returns the evidence: each group's position in both regions and its lag, and whether the bound
     * was met (a replica that never caught up is evidence for the drill's check, not an error).
     */
    static String await(List<DownstreamGroup> downstream, List<String> pipelineGroups, String fromBootstrap,
                        Admin from, Admin to, Duration maxLag, Duration timeout) throws Exception {
        if (downstream.isEmpty() && pipelineGroups.isEmpty()) {
            return "no consumer group to move";
        }
        List<GroupSyncLag> lags = new ArrayList<>();
        pipelineGroups.forEach(group -> lags.add(new GroupSyncLag(group)));
        Map<String, Long> syncedDownstream = new LinkedHashMap<>();
        downstream.forEach(group -> syncedDownstream.put(group.group(), 0L));
        List<DownstreamGroup.Reader> readers = new ArrayList<>();
        long start = System.nanoTime();
        boolean inSync;
        try {
            downstream.forEach(group -> readers.add(group.consumeIn(fromBootstrap)));
            Duration poll = readers.isEmpty() ? POLL : POLL.dividedBy(readers.size());
            // in this thread: the readers' consumers are used by one thread only
            Awaitility.await("the passive region's copy of " + lags.stream().map(GroupSyncLag::group).toList()
                            + " to trail by at most " + maxLag.toMillis() + " ms and of " + syncedDownstream.keySet()
                            + " to be there")
                    .atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(readers.isEmpty() ? POLL : Duration.ofMillis(1))
                    .until(() -> {
                        readers.forEach(reader -> reader.pollAndCommit(poll));
                        for (GroupSyncLag lag : lags) {
                            committedIn(from, lag.group()).ifPresent(at -> lag.committedInFrom(System.nanoTime(), at));
                        }
                        for (GroupSyncLag lag : lags) {
                            committedIn(to, lag.group()).ifPresent(at -> lag.syncedInTo(System.nanoTime(), at));
                        }
                        syncedDownstream.replaceAll((group, synced) -> committedIn(to, group).orElse(synced));
                        return lags.stream().allMatch(lag -> lag.within(maxLag.toNanos()))
                                && syncedDownstream.values().stream().allMatch(synced -> synced > 0);
                    });
            inSync = true;
        } catch (ConditionTimeoutException e) {
            inSync = false;
        } finally {
            for (DownstreamGroup.Reader reader : readers) {
                reader.close();
            }
        }
        List<String> seen = new ArrayList<>();
        readers.forEach(reader -> seen.add(reader.describe() + ", synced as " + syncedDownstream.get(reader.group())));
        lags.forEach(lag -> seen.add(lag.describe()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String verdict = inSync
                ? "MirrorMaker had synced every group, the pipeline's within " + maxLag.toMillis() + " ms, after "
                        + millis + " ms"
                : "MirrorMaker had not synced every group" + (lags.isEmpty() ? "" : ", the pipeline's within "
                        + maxLag.toMillis() + " ms,") + " in " + timeout.toSeconds() + " s";
        return String.join("; ", seen) + "; " + verdict;
    }

    /** A group's committed position summed over partitions; empty when it could not be read (not a sample). */
    private static OptionalLong committedIn(Admin admin, String group) {
        try {
            return OptionalLong.of(DownstreamGroup.total(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }
}
