package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.api.TopicSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of the placeholders in one scenario's pipeline files ({@link Placeholders}), the same
 * names on every topology. Which address a placeholder names depends on who reads the file: on the
 * embedded topology Flink SQL reaches Kafka over one link and connector configs over another, each
 * through its own proxy, so a fault can cut one and not the other; {@link #forReader} adds them.
 */
public final class PlaceholderValues {

    private PlaceholderValues() {
    }

    /** Names every pipeline file may use, whoever reads it. */
    public static Map<String, String> common(PipelineDefinition pipeline, Namespace namespace, String postgresSchema,
                                      JdbcEndpoint jdbc, DynamoDbEndpoint dynamo, URI registry) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namespace", namespace.prefix());
        for (TopicSpec topic : pipeline.topics()) {
            values.put("topic." + topic.name(), NamespacedNames.physical(namespace, topic.name()));
        }
        for (DynamoTableSpec table : pipeline.dynamoTables()) {
            values.put("dynamodb.table." + table.name(), NamespacedNames.physical(namespace, table.name()));
        }
        values.put("registry.url", registry.toString());
        values.put("postgres.schema", postgresSchema);
        values.put("postgres.database", jdbc.database());
        values.put("postgres.user", jdbc.user());
        values.put("postgres.password", jdbc.password().reveal());
        values.put("dynamodb.region", dynamo.region());
        values.put("dynamodb.access-key-id", dynamo.accessKeyId().orElse(""));
        values.put("dynamodb.secret-access-key", dynamo.secretAccessKey().map(Secret::reveal).orElse(""));
        return values;
    }

    /**
     * The placeholders whose values are secrets. A file the harness writes to disk (the embedded Flink
     * job's SQL) holds {@link #secretReference} for them; the value travels in memory only.
     */
    public static final Set<String> SECRET_NAMES = Set.of("postgres.password", "dynamodb.secret-access-key");

    /** What a file on disk holds instead of secret {@code name}: {@code ${secret.postgres.password}}, filled by its reader. */
    public static String secretReference(String name) {
        return "${secret." + name + "}";
    }

    /** {@code values} with every secret replaced by its {@link #secretReference}: fit to be written to disk. */
    public static Map<String, String> referencingSecrets(Map<String, String> values) {
        Map<String, String> referencing = new LinkedHashMap<>(values);
        SECRET_NAMES.forEach(name -> referencing.computeIfPresent(name, (key, value) -> secretReference(key)));
        return referencing;
    }

    /** The secrets among {@code values}, by name: what the reader of a file written with {@link #referencingSecrets} needs. */
    public static Map<String, String> secretsOf(Map<String, String> values) {
        Map<String, String> secrets = new LinkedHashMap<>();
        SECRET_NAMES.forEach(name -> {
            if (values.containsKey(name)) {
                secrets.put(name, values.get(name));
            }
        });
        return secrets;
    }

    /** Adds the addresses as seen by one reader (Flink or Connect). */
    public static Map<String, String> forReader(Map<String, String> common, String kafkaBootstrap, String postgresHost,
                                         int postgresPort, String database, URI dynamoEndpoint) {
        Map<String, String> values = new LinkedHashMap<>(common);
        values.put("kafka.bootstrap", kafkaBootstrap);
        values.put("postgres.host", postgresHost);
        values.put("postgres.port", Integer.toString(postgresPort));
        values.put("postgres.jdbc-url", "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database);
        values.put("dynamodb.endpoint", dynamoEndpoint.toString());
        return values;
    }
}
