package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.containers.kafka.KafkaLink;
import dev.pipelineharness.topology.support.PlaceholderValues;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who reads a pipeline file decides which path it is given: Connect's and Flink's differ, so faults can tell them apart. */
class PipelineAddressesTest {

    private final ContainersLayout layout = new ContainersLayout();
    private final Map<String, String> common = PlaceholderValues.common(
            new PipelineDefinition("p", Path.of("p"), List.of(new TopicSpec("raw", 1, "json", Map.of())), List.of(),
                    List.of(), List.of(), List.of()),
            new Namespace("r1", "s1"), "r1_s1",
            new JdbcEndpoint("jdbc:postgresql://localhost:40001/harness", "localhost", 40001, "harness", "harness",
                    Secret.of("harness")),
            new DynamoDbEndpoint(Optional.of(URI.create("http://localhost:40002")), "us-east-1", Optional.of("k"),
                    Optional.of(Secret.of("s"))),
            PipelineAddresses.registryInNetwork());

    @Test
    void connectReachesEverythingThroughItsOwnProxies() {
        Map<String, String> values = PipelineAddresses.forConnect(common, layout, "harness");

        assertThat(values).containsEntry("kafka.bootstrap", "toxiproxy:" + layout.kafka("east", KafkaLink.CONNECT).listenPort())
                .containsEntry("postgres.host", "toxiproxy")
                .containsEntry("postgres.port", Integer.toString(
                        layout.proxies().route(ContainersLayout.CONNECT_TO_POSTGRES).listenPort()))
                .containsEntry("dynamodb.endpoint", "http://" + layout.inNetwork(ContainersLayout.CONNECT_TO_DYNAMODB))
                .containsEntry("registry.url", "http://schema-registry:8081");
        assertThat(values.get("postgres.jdbc-url")).startsWith("jdbc:postgresql://toxiproxy:");
    }

    @Test
    void flinkReachesKafkaThroughTheFlinkProxyAndTheDatabasesDirectly() {
        Map<String, String> values = PipelineAddresses.forFlink(common, layout, "harness");

        assertThat(values).containsEntry("kafka.bootstrap", "toxiproxy:" + layout.kafka("east", KafkaLink.FLINK).listenPort())
                .containsEntry("postgres.jdbc-url", "jdbc:postgresql://postgres:5432/harness")
                .containsEntry("dynamodb.endpoint", "http://dynamodb:8000")
                .containsEntry("topic.raw", "r1_s1_raw");
    }

    @Test
    void noReaderInTheNetworkIsGivenAHostAddress() {
        assertThat(PipelineAddresses.forConnect(common, layout, "harness").values())
                .noneSatisfy(value -> assertThat(value).contains("localhost"));
        assertThat(PipelineAddresses.forFlink(common, layout, "harness").values())
                .noneSatisfy(value -> assertThat(value).contains("localhost"));
    }
}
