package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadableDurationTest {

    @Test
    void milliUnderASecondSecondsUnderTwoMinutesThenMinutes() {
        assertThat(ReadableDuration.of(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(ReadableDuration.of(Duration.ofSeconds(29))).isEqualTo("29 s");
        assertThat(ReadableDuration.of(Duration.ofSeconds(119))).isEqualTo("119 s");
        assertThat(ReadableDuration.of(Duration.ofMinutes(5))).isEqualTo("5 min");
    }
}
