package dev.pipelineharness.generators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTimeCoverageTest {

    @Test
    void countsBothSidesOfBoundariesAndOnlyRecordsWhoseWindowClosedAsLate() {
        EventTimeCoverage coverage = new EventTimeCoverage(1_800_000, 5_000, 5_000);
        coverage.record(1_799_000);       // 1 s before the 30-minute boundary
        coverage.record(1_803_000);       // 3 s after it
        coverage.record(1_797_000);       // out of order, its window [0, 30m) still open (watermark 1_798_000)
        coverage.record(1_900_000);
        coverage.record(1_700_000);       // its window closed at 1_800_000 <= watermark 1_895_000: late
        assertThat(coverage.figures()).containsEntry("before-boundary", 2L).containsEntry("after-boundary", 1L)
                .containsEntry("out-of-order", 2L).containsEntry("late", 1L);
    }

    @Test
    void withoutWindowsLateMeansBehindTheWatermark() {
        EventTimeCoverage coverage = new EventTimeCoverage(0, 0, 5_000);
        coverage.record(10_000);
        coverage.record(6_000);
        coverage.record(4_000);
        assertThat(coverage.figures()).containsOnlyKeys("out-of-order", "late")
                .containsEntry("out-of-order", 2L).containsEntry("late", 1L);
    }
}
