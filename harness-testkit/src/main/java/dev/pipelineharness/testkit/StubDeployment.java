package dev.pipelineharness.testkit;

import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment that only knows where things are (the real services are started by the test), for
 * driving generators and checks without a topology.
 */
public final class StubDeployment implements Deployment {

    private final Namespace namespace = new Namespace("r1", "test");
    private final String schema;
    private final JdbcEndpoint postgres;
    private final ScenarioStore store = new ScenarioStore();
    public final Map<String, String> published = new HashMap<>();
    private String kafkaBootstrap = "localhost:9";
    private DynamoDbEndpoint dynamoDb;

    public StubDeployment(String schema, JdbcEndpoint postgres) {
        this.schema = schema;
        this.postgres = postgres;
    }

    /** Points the Kafka endpoint at a broker the test started. */
    public StubDeployment withKafka(String bootstrapServers) {
        this.kafkaBootstrap = bootstrapServers;
        return this;
    }

    /** Points the DynamoDB endpoint at a server the test started. */
    public StubDeployment withDynamoDb(DynamoDbEndpoint endpoint) {
        this.dynamoDb = endpoint;
        return this;
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public PipelineDefinition pipeline() {
        return new PipelineDefinition("stub", Path.of("."), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints() {
            @Override
            public List<String> regions() {
                return List.of("east");
            }

            @Override
            public KafkaEndpoint kafka(String region) {
                return KafkaEndpoint.plaintext(region, kafkaBootstrap);
            }

            @Override
            public Optional<JdbcEndpoint> postgres() {
                return Optional.ofNullable(postgres);
            }

            @Override
            public Optional<DynamoDbEndpoint> dynamoDb() {
                return Optional.ofNullable(dynamoDb);
            }

            @Override
            public Optional<URI> schemaRegistry() {
                return Optional.empty();
            }
        };
    }

    @Override
    public String topic(String logicalName) {
        return namespace.prefix() + logicalName;
    }

    @Override
    public String postgresSchema() {
        return schema;
    }

    @Override
    public String dynamoTable(String logicalName) {
        return namespace.prefix() + logicalName;
    }

    @Override
    public List<Path> logFiles() {
        return List.of();
    }

    @Override
    public void close() {
    }

    public ScenarioStore store() {
        return store;
    }

    public GenerationContext generation(long seed) {
        StubDeployment deployment = this;
        return new GenerationContext() {
            @Override
            public long seed() {
                return seed;
            }

            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return store;
            }

            @Override
            public void publish(String key, String value) {
                published.put(key, value);
            }
        };
    }

    public CheckContext checking() {
        StubDeployment deployment = this;
        return new CheckContext() {
            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return store;
            }
        };
    }
}
