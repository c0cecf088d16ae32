package dev.pipelineharness.local.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupSyncLagTest {

    private static long seconds(double value) {
        return (long) (value * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aCopyAtZeroShowsNothingAboutTheSync() {
        GroupSyncLag lag = new GroupSyncLag("g");
        lag.committedInFrom(seconds(0), 0);
        lag.syncedInTo(seconds(0.1), 0);

        assertThat(lag.lagNanos()).isEmpty();
        assertThat(lag.within(seconds(2))).isFalse();
        assertThat(lag.describe()).isEqualTo("group g committed 0, synced as 0, not reached yet");
    }

    @Test
    void aCopyHoldingTheNewestPositionSeenIsNotBehind() {
        GroupSyncLag lag = new GroupSyncLag("g");
        lag.committedInFrom(seconds(0), 300);
        lag.syncedInTo(seconds(0.1), 300);

        assertThat(lag.lagNanos()).hasValue(0);
        assertThat(lag.within(0)).isTrue();
    }

    @Test
    void theLagIsHowLongAgoTheActiveRegionMovedPastTheCopy() {
        GroupSyncLag lag = new GroupSyncLag("g");
        lag.committedInFrom(seconds(0), 300);
        lag.syncedInTo(seconds(0.1), 0);
        lag.committedInFrom(seconds(1), 600);
        lag.syncedInTo(seconds(1.1), 300);
        lag.committedInFrom(seconds(2), 900);
        lag.syncedInTo(seconds(3.5), 300);

        // the copy holds 300: the active region moved past it (to 600) 2.5 s ago
        assertThat(lag.lagNanos()).hasValue(seconds(2.5));
        assertThat(lag.within(seconds(2))).isFalse();
        assertThat(lag.describe()).isEqualTo("group g committed 900, synced as 300, 2500 ms behind");

        lag.syncedInTo(seconds(3.6), 600);
        // now only 900, seen at 2 s, is ahead of it
        assertThat(lag.lagNanos()).hasValue(seconds(1.6));
        assertThat(lag.within(seconds(2))).isTrue();
    }

    @Test
    void aCopyBetweenTwoSamplesIsDatedByTheFirstItHasNotReached() {
        GroupSyncLag lag = new GroupSyncLag("g");
        lag.committedInFrom(seconds(0), 100);
        lag.committedInFrom(seconds(1), 200);
        lag.committedInFrom(seconds(2), 300);
        lag.syncedInTo(seconds(4), 250);

        assertThat(lag.lagNanos()).hasValue(seconds(2));
    }

    @Test
    void anUnchangedPositionIsOneSampleNotMany() {
        GroupSyncLag lag = new GroupSyncLag("g");
        lag.committedInFrom(seconds(0), 100);
        lag.syncedInTo(seconds(0.5), 100);
        // input ended: the active region's position stays where the copy already is
        lag.committedInFrom(seconds(10), 100);
        lag.syncedInTo(seconds(10.5), 100);

        assertThat(lag.lagNanos()).hasValue(0);
    }
}
