package dev.pipelineharness.containers;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.containers.connect.ConnectRestClient;
import dev.pipelineharness.containers.flink.FlinkSqlScript;
import dev.pipelineharness.containers.flink.FlinkSqlSubmission;
import dev.pipelineharness.containers.flink.SqlStatements;
import dev.pipelineharness.topology.support.ConnectorFile;
import dev.pipelineharness.topology.support.ConnectorDelete;
import dev.pipelineharness.topology.support.DebeziumFirstOffset;
import dev.pipelineharness.topology.support.DebeziumSlots;
import dev.pipelineharness.topology.support.DeploymentSchema;
import dev.pipelineharness.topology.support.CleanupSteps;
import dev.pipelineharness.topology.support.NamespacedDeployment;
import dev.pipelineharness.topology.support.PlaceholderValues;
import dev.pipelineharness.topology.support.Placeholders;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.images.builder.Transferable;

/**
 * One scenario's copy of a pipeline on the {@link ContainersTopology}: its PostgreSQL schema and DDL,
 * its topics in east, its DynamoDB tables, its connectors in the Connect container and its Flink job in
 * the session cluster, every name in the scenario's namespace. The same steps as the embedded
 * deployment, through the same support classes; only who runs what differs. All or nothing: when a
 * step fails, what the earlier ones created is removed again.
 */
public final class ContainersDeployment extends NamespacedDeployment {

    private final ContainersTopology topology;
    private final Duration timeout;
    private final JdbcEndpoint jdbc;
    private final DebeziumSlots slots;
    private final List<String> connectorNames = new ArrayList<>();
    private boolean topicsCreated;
    private final List<String> dynamoTables = new ArrayList<>();
    private final DeploymentSchema postgresSchema;
    private String flinkJobId;
    private boolean closed;

    private ContainersDeployment(ContainersTopology topology, PipelineDefinition pipeline, Namespace namespace) {
        super(pipeline, namespace);
        this.topology = topology;
        this.timeout = topology.settings().startTimeout();
        this.jdbc = topology.endpoints().postgres().orElseThrow();
        this.slots = new DebeziumSlots(jdbc);
        this.postgresSchema = new DeploymentSchema(jdbc, schema);
    }

    static ContainersDeployment deploy(ContainersTopology topology, PipelineDefinition pipeline, Namespace namespace)
            throws Exception {
        ContainersDeployment deployment = new ContainersDeployment(topology, pipeline, namespace);
        try {
            deployment.createAll();
            return deployment;
        } catch (Exception | Error e) {
            deployment.close();
            throw e;
        }
    }

    private void createAll() throws Exception {
        ContainersLayout layout = topology.layout();
        Map<String, String> common = PlaceholderValues.common(pipeline, namespace, schema, jdbc,
                topology.endpoints().dynamoDb().orElseThrow(), PipelineAddresses.registryInNetwork());

        postgresSchema.createAndRun(pipeline.postgresDdl(), common);
        topology.admin("east").createTopics(pipeline.topics(), names::topic);
        topicsCreated = true;
        for (DynamoTableSpec table : pipeline.dynamoTables()) {
            topology.tables().create(table, names.dynamoTable(table.name()));
            dynamoTables.add(names.dynamoTable(table.name()));
        }

        Map<String, String> forConnect = PipelineAddresses.forConnect(common, layout, jdbc.database());
        for (PipelineFile file : pipeline.connectors()) {
            createConnector(file, Placeholders.resolve(file, forConnect));
        }

        if (!pipeline.flinkSql().isEmpty()) {
            submitFlinkJob(PipelineAddresses.forFlink(common, layout, jdbc.database()));
        }
    }

    private void createConnector(PipelineFile file, String resolvedJson) throws Exception {
        ConnectorFile connector = ConnectorFile.parse(file, resolvedJson, names);
        ConnectRestClient connect = topology.connectClient();
        connect.create(connector.name(), connector.config(), connector.displayName());
        connectorNames.add(connector.name());
        connect.awaitRunning(connector.name(), timeout);
        Optional<String> slot = slots.track(connector);
        if (slot.isPresent()) {
            slots.awaitStreaming(slot.get(), connector.name(), timeout);
        }
        if (DebeziumFirstOffset.isExpected(connector)) {
            DebeziumFirstOffset.await(connector.name(), timeout, () -> connect.hasCommittedOffsets(connector.name()));
        }
    }

    /**
     * The SQL client runs in the JobManager's container and submits to its session cluster; it returns
     * once the job is submitted, and Flink's REST API then says when the job and its tasks run.
     */
    private void submitFlinkJob(Map<String, String> forFlink) throws Exception {
        List<SqlStatements.Statement> statements = new ArrayList<>();
        for (PipelineFile file : pipeline.flinkSql()) {
            statements.addAll(SqlStatements.of(file, Placeholders.resolve(file, forFlink)));
        }
        String jobName = namespace.prefix() + "flink";
        String scriptPath = "/tmp/" + jobName + ".sql";
        topology.jobManager().copyFileToContainer(Transferable.of(FlinkSqlScript.of(jobName, statements)), scriptPath);
        ExecResult result = topology.jobManager().execInContainer("/opt/flink/bin/sql-client.sh", "-f", scriptPath);
        flinkJobId = FlinkSqlSubmission.jobId(result.getExitCode(), result.getStdout() + "\n" + result.getStderr(),
                pipeline.flinkSql());
        topology.flinkClient().awaitRunning(flinkJobId, timeout);
    }

    /** The Flink job's id in the session cluster, if the pipeline has Flink SQL. */
    public Optional<String> flinkJobId() {
        return Optional.ofNullable(flinkJobId);
    }

    @Override
    public Endpoints endpoints() {
        return topology.endpoints();
    }

    /** The containers' logs (the session cluster's hold every deployment's job). */
    @Override
    public List<Path> logFiles() {
        return topology.logFiles();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        CleanupSteps cleanup = new CleanupSteps();
        if (flinkJobId != null) {
            cleanup.attempt(() -> topology.flinkClient().cancel(flinkJobId, timeout));
        }
        // all DELETEs in flight at once: one after another, each waits for the rebalance the one before started
        ConnectRestClient connect = topology.connectClient();
        List<ConnectorDelete> deletes = new ArrayList<>();
        for (String name : connectorNames) {
            cleanup.attempt(() -> deletes.add(connect.startDelete(name)));
        }
        deletes.forEach(delete -> cleanup.attempt(delete::await));
        if (!slots.isEmpty() || postgresSchema.isCreated()) {
            cleanup.attempt(this::dropDatabaseObjects);
        }
        if (topicsCreated) {
            // every topic of the namespace: the declared ones and those a connector created there
            // (a Debezium heartbeat topic, say)
            cleanup.attempt(() -> topology.admin("east").deleteTopicsStartingWith(namespace().prefix()));
        }
        for (String table : dynamoTables) {
            cleanup.attempt(() -> topology.tables().delete(table));
        }
        cleanup.throwIfFailed("Could not fully remove deployment " + namespace.prefix() + " of pipeline " + pipeline.name());
    }

    /** Replication slots pin WAL forever if left behind, so they go first, once their connector let go. */
    private void dropDatabaseObjects() throws SQLException {
        slots.dropAll(timeout);
        postgresSchema.dropIfCreated();
    }


    @Override
    public String toString() {
        return "deployment " + namespace.prefix() + " of " + pipeline.name() + " on containers";
    }
}
