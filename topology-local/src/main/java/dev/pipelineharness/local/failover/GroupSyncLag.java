package dev.pipelineharness.local.failover;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * How far, in time, a consumer group's position as synced to the replica trails the position it
 * committed in the active region. MirrorMaker translates a committed offset only after the group
 * commits, a checkpoint is emitted and the sync runs, each on its own interval: under load that
 * delay grows to seconds, and a failover that strikes then resumes the group seconds back and
 * redelivers all it had already read. The lag is how long ago the active region's position moved
 * past the replica's copy (zero while the copy holds the newest position seen).
 */
final class GroupSyncLag {

    private record Sample(long atNanos, long committed) {
    }

    private final String group;
    /** Committed positions in the active region the replica's copy has not reached yet, oldest first. */
    private final Deque<Sample> ahead = new ArrayDeque<>();
    private long latestCommitted;
    private long synced;
    private OptionalLong lagNanos = OptionalLong.empty();

    GroupSyncLag(String group) {
        this.group = group;
    }

    String group() {
        return group;
    }

    /** The group's committed position (summed over partitions) in the active region, read at {@code atNanos}. */
    void committedInFrom(long atNanos, long position) {
        latestCommitted = position;
        if (position > synced && (ahead.isEmpty() || position > ahead.peekLast().committed())) {
            ahead.addLast(new Sample(atNanos, position));
        }
    }

    /**
     * The group's position in the replica, read at {@code nowNanos}: the lag becomes the age of the
     * oldest committed position it has not reached. It stays unknown while the copy is at 0: nothing
     * synced yet shows nothing about the sync.
     */
    void syncedInTo(long nowNanos, long position) {
        synced = position;
        while (!ahead.isEmpty() && ahead.peekFirst().committed() <= position) {
            ahead.pollFirst();
        }
        lagNanos = position == 0 ? OptionalLong.empty()
                : OptionalLong.of(ahead.isEmpty() ? 0 : Math.max(0, nowNanos - ahead.peekFirst().atNanos()));
    }

    /** The last lag found; empty while the replica's copy has not reached any committed position. */
    OptionalLong lagNanos() {
        return lagNanos;
    }

    boolean within(long maxLagNanos) {
        return lagNanos.isPresent() && lagNanos.getAsLong() <= maxLagNanos;
    }

    /** What the drill's evidence says of this group. */
    String describe() {
        return "group " + group + " committed " + latestCommitted + ", synced as " + synced
                + (lagNanos.isPresent() ? ", " + lagNanos.getAsLong() / 1_000_000 + " ms behind" : ", not reached yet");
    }
}
