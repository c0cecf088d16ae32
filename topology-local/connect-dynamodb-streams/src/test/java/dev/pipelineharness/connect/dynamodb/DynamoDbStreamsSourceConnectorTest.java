package dev.pipelineharness.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class DynamoDbStreamsSourceConnectorTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "dynamodb.table.name", "dev-user-personalization", "kafka.topic", "interaction_data");

    @Test
    void isFoundByServiceLoaderAsConnectDoesWithServiceLoadDiscovery() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(DynamoDbStreamsSourceConnector.class);
    }

    @Test
    void givesOneTaskWithTheConnectorsConfiguration() {
        DynamoDbStreamsSourceConnector connector = new DynamoDbStreamsSourceConnector();
        connector.start(MINIMAL);

        assertThat(connector.taskConfigs(4)).containsExactly(MINIMAL);
        assertThat(connector.taskClass()).isEqualTo(DynamoDbStreamsSourceTask.class);
    }

    @Test
    void defaultsApplyAndSecretIsAPassword() {
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(MINIMAL);

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.endpointOverride()).isEmpty();
        assertThat(config.batchSize()).isEqualTo(1000);
        assertThat(config.pollInterval().toMillis()).isEqualTo(500);
        assertThat(config.outputFormat()).isEqualTo(DynamoDbStreamsSourceConfig.OutputFormat.STRUCT);
        assertThat(DynamoDbStreamsSourceConfig.configDef().configKeys().get("aws.secret.access.key").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
        assertThat(DynamoDbStreamsSourceConfig.configDef().configKeys().values())
                .allMatch(key -> key.documentation != null && !key.documentation.isBlank());
    }

    @Test
    void missingTableIsReportedByConnectValidation() {
        Map<String, ConfigValue> validated = new DynamoDbStreamsSourceConnector().validate(Map.of("kafka.topic", "t"))
                .configValues().stream().collect(java.util.stream.Collectors.toMap(ConfigValue::name, v -> v));

        assertThat(validated.get("dynamodb.table.name").errorMessages()).isNotEmpty();
        assertThat(validated.get("kafka.topic").errorMessages()).isEmpty();
    }

    @Test
    void rejectsHalfCredentialsAndBadEndpoint() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(with("aws.access.key.id", "AKIA")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be set together");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(with("aws.endpoint.override", "localhost:8000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("aws.endpoint.override");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(with("output.format", "avro")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("output.format");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> props = new java.util.HashMap<>(MINIMAL);
        props.put(key, value);
        return props;
    }
}
