package dev.pipelineharness.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CloudTopologyProviderTest {

    @Test
    void isFoundByServiceLoaderAsCloud() {
        assertThat(ServiceLoader.load(TopologyProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(TopologyProvider::name)).contains("cloud");
    }

    @Test
    void withoutCredentialsItIsUnavailableSayingExactlyWhatToSet() {
        var reason = CloudTopologyProvider.unavailableReason(
                dev.pipelineharness.cloud.config.CloudConfig.from(Map.of(), name -> null));

        assertThat(reason).get().asString().startsWith("missing settings: pipeline-harness.cloud.environment-id "
                        + "(env PIPELINE_HARNESS_CLOUD_ENVIRONMENT_ID)")
                .contains("pipeline-harness.cloud.kafka.east.bootstrap").contains("terraform-outputs")
                .contains("docs/topologies.md");
    }

    @Test
    void withEverySettingItIsAvailable() {
        var settings = new TopologySettings(Path.of("target"), false, Duration.ofSeconds(1),
                CloudStubs.settings("http://localhost:1"));
        // the environment may hold PIPELINE_HARNESS_CLOUD_* on a developer's machine: only missing keys matter here
        assertThat(new CloudTopologyProvider().unavailableReason(settings)).isEmpty();
    }
}
