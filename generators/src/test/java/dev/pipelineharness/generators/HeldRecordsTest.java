package dev.pipelineharness.generators;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.TestParams;
import org.junit.jupiter.api.Test;

class HeldRecordsTest {

    @Test
    void aCountTheHeapCannotHoldIsRefusedWithTheFigures() {
        org.assertj.core.api.Assertions.assertThat(Providers.definitionError(
                () -> HeldRecords.requireFits(TestParams.of("generate[0].business-events", "{count: 100000000}"),
                        "count", 100_000_000L, 4L << 30)))
                .hasMessage("test.scenario.yaml:1:2: generate[0].business-events.count: 100,000,000 records"
                        + " would hold about 27.9 GiB in memory for the oracle and the ledger (about 300 bytes"
                        + " each), more than this JVM may use (4.0 GiB, -Xmx): lower it, or split the scenario");
    }

    @Test
    void theShippedSizesFit() {
        assertThatCode(() -> HeldRecords.requireFits(TestParams.of("g", "{count: 1000000}"), "count", 1_000_000, 1L << 30))
                .doesNotThrowAnyException();
    }

    @Test
    void businessEventsValidateTheirCountAgainstThisJvm() {
        org.assertj.core.api.Assertions.assertThat(Providers.definitionError(
                () -> Providers.generator("business-events", "{count: 9000000000000000000}")))
                .hasMessageContaining("generate[0].business-events.count: 9,000,000,000,000,000,000 records would hold");
    }
}
