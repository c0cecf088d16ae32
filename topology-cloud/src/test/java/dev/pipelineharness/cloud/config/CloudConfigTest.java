package dev.pipelineharness.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudConfigTest {

    @TempDir
    Path dir;

    @Test
    void withNothingSetEveryRequiredKeyIsNamedWithItsEnvironmentVariable() {
        CloudConfig config = CloudConfig.from(Map.of(), name -> null);

        assertThat(config.missing()).contains(
                "pipeline-harness.cloud.environment-id (env PIPELINE_HARNESS_CLOUD_ENVIRONMENT_ID)",
                "pipeline-harness.cloud.flink.api-key (env PIPELINE_HARNESS_CLOUD_FLINK_API_KEY)",
                "pipeline-harness.cloud.kafka.east.api-secret (env PIPELINE_HARNESS_CLOUD_KAFKA_EAST_API_SECRET)")
                .hasSize(15);
    }

    @Test
    void aParameterWinsOverTheEnvironmentWhichWinsOverTerraform() throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), """
                {"environment_id": {"sensitive": false, "type": "string", "value": "env-from-terraform"},
                 "kafka_east": {"sensitive": false, "type": ["object", {}],
                                "value": {"id": "lkc-tf", "rest_endpoint": "https://pkc-tf.aws.confluent.cloud:443"}},
                 "east_api_secret": {"sensitive": true, "type": "string", "value": "tf-secret-value"}}
                """);
        Path mapping = Files.writeString(dir.resolve("mapping.properties"), """
                environment-id = environment_id
                kafka.east.cluster-id = kafka_east.id
                kafka.east.rest-endpoint = kafka_east.rest_endpoint
                kafka.east.api-secret = east_api_secret
                """);
        Map<String, String> parameters = Map.of(CloudKeys.TERRAFORM_OUTPUTS, outputs.toString(),
                CloudKeys.TERRAFORM_MAPPING, mapping.toString(), CloudKeys.kafka("east", "cluster-id"), "lkc-param");
        Map<String, String> environment = Map.of("PIPELINE_HARNESS_CLOUD_KAFKA_EAST_REST_ENDPOINT", "https://from-env");

        CloudConfig config = CloudConfig.from(parameters, environment::get);

        assertThat(config.text(CloudKeys.ENVIRONMENT_ID)).isEqualTo("env-from-terraform");
        assertThat(config.text(CloudKeys.kafka("east", "cluster-id"))).isEqualTo("lkc-param");
        assertThat(config.text(CloudKeys.kafka("east", "rest-endpoint"))).isEqualTo("https://from-env");
        assertThat(config.secret(CloudKeys.kafka("east", "api-secret")).toString()).isEqualTo("******");
        assertThat(config.masker().mask("x tf-secret-value y")).isEqualTo("x ****** y");
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void anOutputTheMappingNamesButTerraformLacksIsAProblemNamingBoth() throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "{\"a\": {\"value\": \"1\"}}");
        Path mapping = Files.writeString(dir.resolve("mapping.properties"), "flink.api-key = flink_key\n");

        CloudConfig config = CloudConfig.from(Map.of(CloudKeys.TERRAFORM_OUTPUTS, outputs.toString(),
                CloudKeys.TERRAFORM_MAPPING, mapping.toString()), name -> null);

        assertThat(config.problems()).singleElement().asString()
                .contains("flink.api-key maps to 'flink_key'").contains("does not hold (outputs: a)");
    }

    @Test
    void aSecondRegionNeedsItsClusterAndTheLink() {
        CloudConfig config = CloudConfig.from(Map.of(CloudKeys.REGIONS, "east,west"), name -> null);

        assertThat(config.missing()).anyMatch(key -> key.startsWith("pipeline-harness.cloud.kafka.west.bootstrap"))
                .anyMatch(key -> key.startsWith("pipeline-harness.cloud.link.name"));
    }

    @Test
    void harnessNamesCarryTheRunsStartAndAnythingElseIsRefused() {
        var namespace = HarnessNames.cloudNamespace(new dev.pipelineharness.api.Namespace("r3k9a2", "smoke"),
                java.time.Instant.parse("2026-12-01T08:15:40Z"));

        assertThat(namespace.prefix()).isEqualTo("ph202612010815_r3k9a2_smoke_");
        assertThat(HarnessNames.createdAt(namespace.prefix() + "raw")).contains(java.time.Instant.parse("2026-12-01T08:15:00Z"));
        assertThat(HarnessNames.statementName(namespace.prefix() + "1-routing")).isEqualTo("ph202612010815-r3k9a2-smoke-1-routing");
        assertThat(HarnessNames.isHarnessName("ph202612010815-r3k9a2-smoke-1-routing")).isTrue();
        assertThat(HarnessNames.isHarnessName("orders")).isFalse();
        assertThat(HarnessNames.isHarnessName("phone_numbers")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HarnessNames.requireHarnessName("prod_orders"))
                .hasMessageContaining("refusing to touch 'prod_orders'");
    }
}
