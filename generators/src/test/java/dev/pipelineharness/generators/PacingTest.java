package dev.pipelineharness.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.testkit.TestParams;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void burstsRaiseTheRateForTheirShareOfEachPeriod() {
        Pacing pacing = Pacing.from(TestParams.of("generate[0].business-events",
                "{\"rate\": \"100/s\", \"count\": 10, \"bursts\": {\"every\": \"10s\", \"for\": \"2s\", \"rate\": \"1000/s\"}}"));
        assertThat(pacing.rateAt(Duration.ofMillis(500).toNanos())).isEqualTo(1000);
        assertThat(pacing.rateAt(Duration.ofMillis(2500).toNanos())).isEqualTo(100);
        assertThat(pacing.rateAt(Duration.ofMillis(11_000).toNanos())).isEqualTo(1000);
        assertThat(pacing.toString()).isEqualTo("10 records at 100/s, bursts of 1000/s");
    }

    @Test
    void ratesInOtherUnitsAreEventsPerSecond() {
        assertThat(Pacing.from(TestParams.of("g", "{\"rate\": \"120/m\"}")).ratePerSecond()).isEqualTo(2.0);
        assertThat(Pacing.from(TestParams.of("g", "{}")).toString()).isEqualTo("1000 records unthrottled");
    }

    @Test
    void anUnthrottledPacerNeverWaitsAndADurationEnds() throws Exception {
        Pacer unthrottled = new Pacer(Pacing.from(TestParams.of("g", "{\"count\": 5}")));
        for (int i = 0; i < 1000; i++) {
            assertThat(unthrottled.acquire()).isTrue();
        }
        Pacer ended = new Pacer(Pacing.from(TestParams.of("g", "{\"duration\": \"1ms\", \"rate\": \"1000000/s\"}")));
        org.awaitility.Awaitility.await("the 1ms duration to pass").atMost(Duration.ofSeconds(5))
                .until(() -> !ended.acquire());
    }
}
