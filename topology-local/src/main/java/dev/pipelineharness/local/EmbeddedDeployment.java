package dev.pipelineharness.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.Placeholders;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.local.connect.ConnectorClient;
import dev.pipelineharness.local.flink.FlinkSqlJob;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.process.BoundedWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scenario's copy of a pipeline on the {@link EmbeddedTopology}: its PostgreSQL schema and DDL,
 * its topics, DynamoDB tables, connectors and Flink job, all named with the scenario's namespace.
 * Deploying is all or nothing: when a step fails, what the earlier steps created is removed again.
 */
public final class EmbeddedDeployment implements Deployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEBEZIUM_POSTGRES = "io.debezium.connector.postgresql.PostgresConnector";

    private final EmbeddedTopology topology;
    private final EmbeddedComponents parts;
    private final PipelineDefinition pipeline;
    private final Namespace namespace;
    private final String schema;
    private final Duration timeout;
    private final List<String> connectorNames = new ArrayList<>();
    private final List<String> replicationSlots = new ArrayList<>();
    private final List<String> publications = new ArrayList<>();
    private boolean schemaCreated;
    private boolean topicsCreated;
    private final List<String> dynamoTables = new ArrayList<>();
    private FlinkSqlJob flinkJob;
    private boolean closed;

    private EmbeddedDeployment(EmbeddedTopology topology, PipelineDefinition pipeline, Namespace namespace) {
        this.topology = topology;
        this.parts = topology.components();
        this.pipeline = pipeline;
        this.namespace = namespace;
        this.schema = namespace.prefix().substring(0, namespace.prefix().length() - 1);
        this.timeout = topology.settings().startTimeout();
    }

    static EmbeddedDeployment deploy(EmbeddedTopology topology, PipelineDefinition pipeline, Namespace namespace)
            throws Exception {
        EmbeddedDeployment deployment = new EmbeddedDeployment(topology, pipeline, namespace);
        try {
            deployment.createAll();
            return deployment;
        } catch (Exception | Error e) {
            deployment.close();
            throw e;
        }
    }

    private void createAll() throws Exception {
        JdbcEndpoint jdbc = parts.postgres().jdbcEndpoint();
        Map<String, String> common = PipelineValues.common(pipeline, namespace, schema, jdbc,
                parts.dynamoDb().endpoint(), parts.registry().url());

        createSchemaAndRunDdl(jdbc, common);
        parts.east().createTopics(pipeline.topics(), logical -> namespace.prefix() + logical);
        topicsCreated = true;
        for (DynamoTableSpec table : pipeline.dynamoTables()) {
            parts.dynamoDb().createTable(table, namespace.prefix() + table.name());
            dynamoTables.add(namespace.prefix() + table.name());
        }

        Map<String, String> forConnect = PipelineValues.forReader(common,
                parts.east().bootstrapServers(KafkaLink.CONNECT), "127.0.0.1", topology.postgresPortForConnect(),
                jdbc.database(), topology.dynamoDbForConnect().endpointOverride().orElseThrow());
        for (PipelineFile file : pipeline.connectors()) {
            createConnector(file, Placeholders.resolve(file, forConnect));
        }

        if (!pipeline.flinkSql().isEmpty()) {
            Map<String, String> forFlink = PipelineValues.forReader(common,
                    parts.east().bootstrapServers(KafkaLink.FLINK), "127.0.0.1", parts.postgres().port(),
                    jdbc.database(), parts.dynamoDb().endpoint().endpointOverride().orElseThrow());
            List<PipelineFile> resolved = new ArrayList<>();
            for (PipelineFile file : pipeline.flinkSql()) {
                resolved.add(new PipelineFile(file.path(), file.displayName(), Placeholders.resolve(file, forFlink)));
            }
            flinkJob = FlinkSqlJob.submit(namespace.prefix() + "flink", resolved,
                    parts.runDirectory().resolve("flink").resolve(schema), flinkLog(), timeout);
        }
    }

    private void createSchemaAndRunDdl(JdbcEndpoint jdbc, Map<String, String> common) throws SQLException {
        try (Connection connection = connect(jdbc); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
            statement.execute("SET search_path TO " + schema);
            for (PipelineFile file : pipeline.postgresDdl()) {
                String ddl = Placeholders.resolve(file, common);
                try {
                    statement.execute(ddl);
                } catch (SQLException e) {
                    throw new ScenarioDefinitionException(file.location(0, 0), "",
                            "PostgreSQL rejected this DDL: " + e.getMessage());
                }
            }
        }
    }

    private void createConnector(PipelineFile file, String resolvedJson) throws Exception {
        JsonNode root;
        try {
            root = JSON.readTree(resolvedJson);
        } catch (JsonProcessingException e) {
            throw new ScenarioDefinitionException(
                    file.location(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 0 : e.getLocation().getColumnNr()),
                    "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.hasNonNull("name") || !root.path("config").isObject()) {
            throw new ScenarioDefinitionException(Location.ofFile(file.displayName()), "",
                    "a connector file must be {\"name\": ..., \"config\": {...}} as Kafka Connect's REST API takes it");
        }
        String name = root.get("name").asText();
        if (!name.startsWith(namespace.prefix())) {
            name = namespace.prefix() + name;
        }
        Map<String, String> config = new LinkedHashMap<>();
        root.get("config").fields().forEachRemaining(field -> config.put(field.getKey(), field.getValue().asText()));
        ConnectorClient connectors = parts.connect().connectors();
        connectors.create(name, config, file.displayName());
        connectorNames.add(name);
        connectors.awaitRunning(name, timeout);
        if (DEBEZIUM_POSTGRES.equals(config.get("connector.class"))) {
            String slot = config.getOrDefault("slot.name", "debezium");
            replicationSlots.add(slot);
            publications.add(config.getOrDefault("publication.name", "dbz_publication"));
            awaitSlotStreaming(slot, name);
        }
    }

    /**
     * A Debezium task reports RUNNING before it streams; changes committed before its replication
     * slot exists would be missed. The slot being active is PostgreSQL's own signal that it streams.
     */
    private void awaitSlotStreaming(String slot, String connector) {
        JdbcEndpoint jdbc = parts.postgres().jdbcEndpoint();
        BoundedWait.until("replication slot '" + slot + "' of connector " + connector + " to be active in PostgreSQL",
                timeout, null, () -> {
                    try (Connection connection = connect(jdbc);
                         PreparedStatement query = connection.prepareStatement(
                                 "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
                        query.setString(1, slot);
                        try (ResultSet result = query.executeQuery()) {
                            return result.next() && result.getBoolean(1);
                        }
                    }
                });
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public PipelineDefinition pipeline() {
        return pipeline;
    }

    @Override
    public Endpoints endpoints() {
        return topology.endpoints();
    }

    @Override
    public String topic(String logicalName) {
        if (pipeline.topic(logicalName).isEmpty()) {
            throw new IllegalArgumentException("Pipeline '" + pipeline.name() + "' declares no topic '" + logicalName
                    + "'; it declares " + pipeline.topics().stream().map(t -> t.name()).toList());
        }
        return namespace.prefix() + logicalName;
    }

    @Override
    public String postgresSchema() {
        return schema;
    }

    @Override
    public String dynamoTable(String logicalName) {
        if (pipeline.dynamoTables().stream().noneMatch(table -> table.name().equals(logicalName))) {
            throw new IllegalArgumentException("Pipeline '" + pipeline.name() + "' declares no DynamoDB table '"
                    + logicalName + "'");
        }
        return namespace.prefix() + logicalName;
    }

    /** The Flink job of this deployment, if the pipeline has Flink SQL: for faults (kill, restore). */
    public java.util.Optional<FlinkSqlJob> flinkJob() {
        return java.util.Optional.ofNullable(flinkJob);
    }

    @Override
    public List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        if (flinkJob != null) {
            files.add(flinkLog());
        }
        try (Stream<Path> logs = Files.list(parts.logDirectory())) {
            logs.filter(path -> path.toString().endsWith(".log") && !path.getFileName().toString().startsWith("flink-"))
                    .sorted().forEach(files::add);
        } catch (java.io.IOException ignored) {
            // no logs yet
        }
        return files;
    }

    private Path flinkLog() {
        return parts.logDirectory().resolve("flink-" + schema + ".log");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        if (flinkJob != null) {
            attempt(failures, flinkJob::close);
        }
        ConnectorClient connectors = parts.connect().connectors();
        for (String name : connectorNames) {
            attempt(failures, () -> connectors.delete(name));
        }
        if (!replicationSlots.isEmpty() || schemaCreated) {
            attempt(failures, this::dropDatabaseObjects);
        }
        if (topicsCreated) {
            attempt(failures, () -> parts.east().deleteTopics(pipeline.topics(), logical -> namespace.prefix() + logical));
        }
        for (String table : dynamoTables) {
            attempt(failures, () -> parts.dynamoDb().deleteTable(table));
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Could not fully remove deployment "
                    + namespace.prefix() + " of pipeline " + pipeline.name());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Replication slots pin WAL forever if left behind, so they go first, once their connector let go. */
    private void dropDatabaseObjects() throws SQLException {
        JdbcEndpoint jdbc = parts.postgres().jdbcEndpoint();
        for (String slot : replicationSlots) {
            BoundedWait.until("replication slot '" + slot + "' to be released by its deleted connector", timeout, null,
                    () -> {
                        try (Connection connection = connect(jdbc);
                             PreparedStatement drop = connection.prepareStatement(
                                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                                             + "WHERE slot_name = ? AND NOT active")) {
                            drop.setString(1, slot);
                            drop.executeQuery().close();
                        }
                        try (Connection connection = connect(jdbc);
                             PreparedStatement exists = connection.prepareStatement(
                                     "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
                            exists.setString(1, slot);
                            try (ResultSet result = exists.executeQuery()) {
                                return !result.next();
                            }
                        }
                    });
        }
        try (Connection connection = connect(jdbc); Statement statement = connection.createStatement()) {
            for (String publication : publications) {
                statement.execute("DROP PUBLICATION IF EXISTS " + publication);
            }
            if (schemaCreated) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Connection connect(JdbcEndpoint jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
    }

    private static void attempt(List<Exception> failures, ThrowingRunnable step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
