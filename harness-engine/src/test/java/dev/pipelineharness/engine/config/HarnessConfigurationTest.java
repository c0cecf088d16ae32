package dev.pipelineharness.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.ScenarioDefinitionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarnessConfigurationTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HarnessConfiguration configuration = HarnessConfiguration.defaults();

        assertThat(configuration.topology()).isEqualTo("embedded");
        assertThat(configuration.seed()).isEmpty();
        assertThat(configuration.reportsDirectory()).isEqualTo(Path.of("target/harness"));
        assertThat(configuration.parallelism()).isEqualTo(1);
        assertThat(configuration.defaultTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(configuration.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(configuration.confirmPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(configuration.nameFilter()).isEmpty();
        assertThat(configuration.keepFiles()).isFalse();
        assertThat(configuration.topologyStartTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void readsEveryKey() {
        HarnessConfiguration configuration = HarnessConfiguration.from(Map.of(
                "pipeline-harness.topology", "containers", "pipeline-harness.seed", "9",
                "pipeline-harness.parallelism", "3", "pipeline-harness.check.confirm", "1.5s",
                "pipeline-harness.scenario.name-filter", "outage", "pipeline-harness.keep-files", "true"));

        assertThat(configuration.topology()).isEqualTo("containers");
        assertThat(configuration.seed()).hasValue(9);
        assertThat(configuration.parallelism()).isEqualTo(3);
        assertThat(configuration.confirmPeriod()).isEqualTo(Duration.ofMillis(1500));
        assertThat(configuration.nameFilter().orElseThrow().matcher("East Outage").find()).isTrue();
        assertThat(configuration.keepFiles()).isTrue();
        assertThat(configuration.all()).containsEntry("pipeline-harness.topology", "containers");
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> HarnessConfiguration.from(Map.of("pipeline-harness.check.poll-interval", "often")))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessage("configuration parameter pipeline-harness.check.poll-interval: pipeline-harness.check.poll-interval: "
                        + "must be a duration such as 500ms, 30s, 5m or 1h, was 'often'");
    }
}
