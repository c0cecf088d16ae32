package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.containers.ContainerImages.Component;
import dev.pipelineharness.containers.services.PostgresContainers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

class ContainerImagesTest {

    @Test
    void everyImageIsPinnedToAVersionMatchingTheEmbeddedTopology() {
        ContainerImages images = ContainerImages.pinned();

        assertThat(images.name(Component.KAFKA)).isEqualTo("apache/kafka:4.2.0");
        assertThat(images.name(Component.FLINK)).isEqualTo("flink:2.1.1-java17");
        assertThat(images.name(Component.DYNAMODB)).isEqualTo("amazon/dynamodb-local:2.6.1");
        assertThat(images.name(Component.CONNECT)).endsWith(":3.5.0.Final");
        for (Component component : Component.values()) {
            assertThat(images.image(component).getVersionPart()).as(component.key()).isNotIn("latest", "");
        }
    }

    @Test
    void aConfigurationKeyOverridesOneImage() {
        ContainerImages images = ContainerImages.from(Map.of(
                "pipeline-harness.containers.image.schema-registry", "mirror.example/cp-schema-registry:8.1.1",
                "pipeline-harness.other", "ignored"));

        assertThat(images.name(Component.SCHEMA_REGISTRY)).isEqualTo("mirror.example/cp-schema-registry:8.1.1");
        assertThat(images.name(Component.KAFKA)).isEqualTo(Component.KAFKA.pinned());
    }

    @Test
    void anOverriddenImageIsAcceptedByTestcontainersModules() {
        ContainerImages images = ContainerImages.from(Map.of("pipeline-harness.containers.image.postgres",
                "mirror.example/library/postgres:17.6"));

        // Testcontainers' PostgreSQL module refuses an image it does not know unless declared a substitute
        try (Network network = Network.newNetwork()) {
            assertThat(PostgresContainers.postgres(images.image(Component.POSTGRES), network)).isNotNull();
        }
        assertThat(images.image(Component.POSTGRES).asCanonicalNameString())
                .isEqualTo("mirror.example/library/postgres:17.6");
    }

    @Test
    void aKeyNamingNoImageIsAnErrorListingTheKnownKeys() {
        assertThatThrownBy(() -> ContainerImages.from(Map.of("pipeline-harness.containers.image.kafak", "x:1")))
                .hasMessageContaining("pipeline-harness.containers.image.kafak")
                .hasMessageContaining("pipeline-harness.containers.image.kafka");
    }

    @Test
    void anEmptyOverrideIsAnError() {
        assertThatThrownBy(() -> ContainerImages.from(Map.of("pipeline-harness.containers.image.flink", " ")))
                .hasMessageContaining("is empty");
    }
}
