package dev.pipelineharness.containers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.testcontainers.utility.DockerImageName;

/**
 * Every image the containers topology runs, pinned here and nowhere else. Each can be replaced with the
 * configuration key {@code pipeline-harness.containers.image.<component>} (for a mirror registry, a
 * patched image, another version), such as {@code pipeline-harness.containers.image.kafka=my.registry/kafka:4.2.0}.
 *
 * <p>The pins match the embedded topology where the component is the same software: Kafka 4.2.0,
 * Flink 2.1.1, PostgreSQL 17, DynamoDB Local 2.6.1, Debezium 3.5.0.Final.
 */
public final class ContainerImages {

    /** The prefix of the override keys; the component's name follows. */
    public static final String OVERRIDE_PREFIX = "pipeline-harness.containers.image.";

    /** One image per component, with the key that overrides it. */
    public enum Component {
        /** Both regions' brokers (KRaft) and MirrorMaker 2 ({@code connect-mirror-maker.sh} of the same image). */
        KAFKA("apache/kafka:4.2.0"),
        /** {@code wal_level=logical} is set on the command line, so the official image serves Debezium. */
        POSTGRES("postgres:17.6"),
        /** DynamoDB Local with Streams, the same version as the embedded topology's. */
        DYNAMODB("amazon/dynamodb-local:2.6.1"),
        /** Kafka Connect with Debezium's connectors (PostgreSQL source, JDBC sink) installed. */
        CONNECT("quay.io/debezium/connect:3.5.0.Final"),
        /** JobManager and TaskManager; the Kafka connector and avro-confluent format are copied into its lib. */
        FLINK("flink:2.1.1-java17"),
        /** Confluent Schema Registry, storing its schemas in east. */
        SCHEMA_REGISTRY("confluentinc/cp-schema-registry:8.1.0"),
        /** Every link a fault may act on goes through it. */
        TOXIPROXY("ghcr.io/shopify/toxiproxy:2.12.0");

        private final String pinned;

        Component(String pinned) {
            this.pinned = pinned;
        }

        public String pinned() {
            return pinned;
        }

        /** {@code kafka}, {@code schema-registry}: the last part of the override key. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Component, String> images;

    private ContainerImages(Map<Component, String> images) {
        this.images = Map.copyOf(images);
    }

    /** The pinned images. */
    public static ContainerImages pinned() {
        return from(Map.of());
    }

    /**
     * The pinned images with the overrides among {@code configuration} applied. A key under
     * {@link #OVERRIDE_PREFIX} that names no component is an error listing the known ones, so a typo
     * does not silently run the pinned image.
     */
    public static ContainerImages from(Map<String, String> configuration) {
        Map<Component, String> images = new LinkedHashMap<>();
        for (Component component : Component.values()) {
            images.put(component, component.pinned());
        }
        configuration.forEach((key, value) -> {
            if (!key.startsWith(OVERRIDE_PREFIX)) {
                return;
            }
            String name = key.substring(OVERRIDE_PREFIX.length());
            Component component = byKey(name).orElseThrow(() -> new IllegalArgumentException(
                    "Configuration key " + key + " names no image of the containers topology; known: "
                            + Arrays.stream(Component.values()).map(c -> OVERRIDE_PREFIX + c.key())
                            .collect(Collectors.toCollection(TreeSet::new))));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Configuration key " + key + " is empty; give an image such as "
                        + component.pinned());
            }
            images.put(component, value.trim());
        });
        return new ContainerImages(images);
    }

    private static Optional<Component> byKey(String key) {
        return Arrays.stream(Component.values()).filter(component -> component.key().equals(key)).findFirst();
    }

    public String name(Component component) {
        return images.get(component);
    }

    /**
     * The image to run. An overridden image is declared a substitute for the pinned one, so
     * Testcontainers' modules (PostgreSQL, Toxiproxy) accept a mirror's copy of the same image.
     */
    public DockerImageName image(Component component) {
        DockerImageName image = DockerImageName.parse(images.get(component));
        DockerImageName pinned = DockerImageName.parse(component.pinned());
        return image.equals(pinned) ? image : image.asCompatibleSubstituteFor(pinned.getUnversionedPart());
    }

    /** Every image, as {@code component=image} lines, for the run's log. */
    @Override
    public String toString() {
        return images.entrySet().stream().map(entry -> entry.getKey().key() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
