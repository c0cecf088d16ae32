package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedWaitTest {

    private final AtomicInteger probes = new AtomicInteger();

    @Test
    void aProbeErrorIsNotYetAndNamedWhenTheTimeIsUp() {
        assertThatThrownBy(() -> BoundedWait.until("the answer", Duration.ofMillis(300), null, () -> {
            probes.incrementAndGet();
            throw new IOException("connection refused");
        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("Timed out after 300 ms \\(gave up at \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\) waiting for the answer; "
                        + "last error: java.io.IOException: connection refused");
        assertThat(probes).hasValueGreaterThan(1);
    }

    @Test
    void neverReadyEndsTheWaitAtOnceWithItsOwnMessage() {
        assertThatThrownBy(() -> BoundedWait.until("the job to run", Duration.ofSeconds(30), null, () -> {
            probes.incrementAndGet();
            throw new BoundedWait.NeverReadyException("the job FAILED");
        }))
                .isInstanceOf(BoundedWait.NeverReadyException.class)
                .hasMessage("the job FAILED");
        assertThat(probes).hasValue(1);
    }

    @Test
    void returnsOnceTheProbeSaysReady() {
        BoundedWait.until("the third poll", Duration.ofSeconds(30), null, () -> probes.incrementAndGet() == 3);

        assertThat(probes).hasValue(3);
    }
}
