package dev.pipelineharness.local;

import dev.pipelineharness.local.control.EmbeddedComponents;
import dev.pipelineharness.api.Backlog;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.local.connect.ConnectorClient;
import dev.pipelineharness.local.flink.FlinkSqlJob;
import dev.pipelineharness.local.dynamodb.DynamoStreamProgress;
import dev.pipelineharness.local.kafka.ConsumerBacklog;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.ConnectorFile;
import dev.pipelineharness.topology.support.ConnectorDelete;
import dev.pipelineharness.topology.support.DebeziumFirstOffset;
import dev.pipelineharness.topology.support.DebeziumSlots;
import dev.pipelineharness.topology.support.DeploymentSchema;
import dev.pipelineharness.topology.support.CleanupSteps;
import dev.pipelineharness.topology.support.NamespacedDeployment;
import dev.pipelineharness.topology.support.PipelineConsumers;
import dev.pipelineharness.topology.support.PlaceholderValues;
import dev.pipelineharness.topology.support.ReplicationSlotProgress;
import dev.pipelineharness.topology.support.Placeholders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.io.IOException;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.failover.MovableDeployment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One scenario's copy of a pipeline on the {@link EmbeddedTopology}: its PostgreSQL schema and DDL,
 * its topics, DynamoDB tables, connectors and Flink job, all named with the scenario's namespace.
 * Deploying is all or nothing: when a step fails, what the earlier steps created is removed again.
 */
public final class EmbeddedDeployment extends NamespacedDeployment implements MovableDeployment {

    private final EmbeddedTopology topology;
    private final EmbeddedComponents parts;
    private final Duration timeout;
    private final List<String> connectorNames = new ArrayList<>();
    private final DebeziumSlots slots;
    private final DeploymentSchema postgresSchema;
    private boolean topicsCreated;
    private final List<String> dynamoTables = new ArrayList<>();
    private FlinkSqlJob flinkJob;
    /** The placeholder values every reader shares, kept so a failover can render the SQL against another region. */
    private Map<String, String> commonPlaceholders;
    /** What a failover started for this deployment (a watcher of the new region): closed first on undeploy. */
    private final List<AutoCloseable> failoverResources = new ArrayList<>();
    private boolean closed;
    /** What the backlog is measured from: the SQL the job runs and the connectors, as deployed in east. */
    private final List<PipelineFile> deployedFlinkSql = new ArrayList<>();
    private final List<ConnectorFile> deployedConnectors = new ArrayList<>();
    /** Derived once from the two lists above when the deployment is complete; the checks poll it. */
    private PipelineConsumers consumers;
    private boolean failedOver;
    private final ReplicationSlotProgress slotProgress;
    private final DynamoStreamProgress streamProgress;

    private EmbeddedDeployment(EmbeddedTopology topology, PipelineDefinition pipeline, Namespace namespace) {
        super(pipeline, namespace);
        this.topology = topology;
        this.parts = topology.components();
        this.slots = new DebeziumSlots(parts.postgres().jdbcEndpoint());
        this.slotProgress = new ReplicationSlotProgress(parts.postgres().jdbcEndpoint());
        this.streamProgress = new DynamoStreamProgress(parts.dynamoDb().endpoint(), parts.connect().connectors());
        this.postgresSchema = new DeploymentSchema(parts.postgres().jdbcEndpoint(), schema);
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
        Map<String, String> common = PlaceholderValues.common(pipeline, namespace, schema, jdbc,
                parts.dynamoDb().endpoint(), parts.registry().url());
        commonPlaceholders = common;

        postgresSchema.createAndRun(pipeline.postgresDdl(), common);
        parts.east().createTopics(pipeline.topics(), names::topic);
        topicsCreated = true;
        for (DynamoTableSpec table : pipeline.dynamoTables()) {
            parts.dynamoDb().createTable(table, names.dynamoTable(table.name()));
            dynamoTables.add(names.dynamoTable(table.name()));
        }

        // The Flink job needs only its topics and tables, which exist by now: it is planned and
        // started on the session while the connectors start, and both are awaited.
        CompletableFuture<FlinkSqlJob> flinkStart = pipeline.flinkSql().isEmpty() ? null : startFlink(jdbc, common);
        Exception failure = null;
        try {
            Map<String, String> forConnect = PlaceholderValues.forReader(common,
                    parts.east().bootstrapServers(KafkaLink.CONNECT), "127.0.0.1", topology.postgresPortForConnect(),
                    jdbc.database(), topology.dynamoDbForConnect().endpointOverride().orElseThrow());
            // all submitted before any is awaited: the worker starts them together (one rebalance
            // serves several) instead of one connector's two rebalances after another's
            List<CreatedConnector> created = new ArrayList<>();
            for (PipelineFile file : pipeline.connectors()) {
                created.add(createConnector(file, Placeholders.resolve(file, forConnect)));
            }
            for (CreatedConnector connector : created) {
                awaitStreaming(connector);
            }
        } catch (Exception e) {
            failure = e;
        }
        if (flinkStart != null) {
            try {
                flinkJob = flinkStart.join();
            } catch (CompletionException e) {
                Exception cause = e.getCause() instanceof Exception c ? c : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        synchronized (this) {
            consumers = PipelineConsumers.of(deployedFlinkSql, deployedConnectors);
        }
    }

    /** The placeholder values the Flink job reading {@code region} sees (secrets among them, kept off disk). */
    private Map<String, String> flinkPlaceholders(KafkaRegion region, JdbcEndpoint jdbc, Map<String, String> common) {
        return PlaceholderValues.forReader(common,
                region.bootstrapServers(KafkaLink.FLINK), "127.0.0.1", parts.postgres().port(),
                jdbc.database(), parts.dynamoDb().endpoint().endpointOverride().orElseThrow());
    }

    private List<PipelineFile> resolvedFlinkSql(Map<String, String> forFlink) {
        List<PipelineFile> resolved = new ArrayList<>();
        for (PipelineFile file : pipeline.flinkSql()) {
            // written to disk for the Flink JVM: secrets as ${secret.NAME}, their values go with the submission
            resolved.add(new PipelineFile(file.path(), file.displayName(),
                    Placeholders.resolve(file, PlaceholderValues.referencingSecrets(forFlink))));
        }
        return resolved;
    }

    /**
     * The failover runbook's Flink step: cancels this deployment's job (its region is gone) and submits
     * the pipeline's SQL again, resolved against {@code region} and passed through {@code rewrite} (which
     * moves its sources to their groups' offsets), as a fresh job of its own that undeploy cancels.
     *
     * @return the resolved, rewritten SQL the new job runs
     */
    @Override
    public synchronized List<PipelineFile> resubmitFlink(KafkaRegion region, UnaryOperator<String> rewrite)
            throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("deployment " + namespace.prefix() + " is closed");
        }
        if (flinkJob == null) {
            return List.of();
        }
        // the old job's region is gone: its cancellation ends when its producers give up, undeploy awaits it
        FlinkSqlJob previous = flinkJob;
        previous.requestCancel();
        failoverResources.add(previous);
        List<PipelineFile> rewritten = new ArrayList<>();
        Map<String, String> forFlink = flinkPlaceholders(region, parts.postgres().jdbcEndpoint(), commonPlaceholders);
        for (PipelineFile file : resolvedFlinkSql(forFlink)) {
            rewritten.add(new PipelineFile(file.path(), file.displayName(), rewrite.apply(file.text())));
        }
        flinkJob = null;
        failedOver = true;
        flinkJob = FlinkSqlJob.submitTo(parts.flink(), namespace.prefix() + "flink_" + region.region(), rewritten,
                PlaceholderValues.secretsOf(forFlink),
                parts.runDirectory().resolve("flink").resolve(schema + "-" + region.region()), timeout);
        return rewritten;
    }

    @Override
    public synchronized List<PipelineFile> flinkSql() {
        return List.copyOf(deployedFlinkSql);
    }

    /** Something a failover started for this deployment, stopped first when it is undeployed. */
    @Override
    public synchronized void ownFailoverResource(AutoCloseable resource) {
        failoverResources.add(resource);
    }

    private CompletableFuture<FlinkSqlJob> startFlink(JdbcEndpoint jdbc, Map<String, String> common) {
        Map<String, String> forFlink = flinkPlaceholders(parts.east(), jdbc, common);
        List<PipelineFile> resolved = resolvedFlinkSql(forFlink);
        synchronized (this) {
            deployedFlinkSql.addAll(resolved);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return FlinkSqlJob.submitTo(parts.flink(), namespace.prefix() + "flink", resolved,
                        PlaceholderValues.secretsOf(forFlink),
                        parts.runDirectory().resolve("flink").resolve(schema), timeout);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "deploy-flink-" + schema);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * A connector submitted to the worker, with the replication slot it will stream from if it is a
     * Debezium source, and whether it commits a first offset before any change (a heartbeat).
     */
    private record CreatedConnector(String name, Optional<String> slot, boolean firstOffsetExpected) {
    }

    private CreatedConnector createConnector(PipelineFile file, String resolvedJson) {
        ConnectorFile connector = ConnectorFile.parse(file, resolvedJson, names);
        parts.connect().connectors().create(connector.name(), connector.config(), connector.displayName());
        connectorNames.add(connector.name());
        synchronized (this) {
            deployedConnectors.add(connector);
        }
        // tracked at once, so a deploy that fails later still drops the slot
        return new CreatedConnector(connector.name(), slots.track(connector), DebeziumFirstOffset.isExpected(connector));
    }

    /**
     * Until the connector and its tasks run and, for a Debezium source, its replication slot streams
     * and, with a heartbeat, its position is durable ({@link DebeziumFirstOffset}).
     */
    private void awaitStreaming(CreatedConnector connector) {
        ConnectorClient connectors = parts.connect().connectors();
        connectors.awaitRunning(connector.name(), timeout);
        if (connector.slot().isPresent()) {
            slots.awaitStreaming(connector.slot().get(), connector.name(), timeout);
        }
        if (connector.firstOffsetExpected()) {
            DebeziumFirstOffset.await(connector.name(), timeout, () -> !connectors.offsets(connector.name()).isEmpty());
        }
    }

    /**
     * Measured on the Debezium sources' replication slots ({@link ReplicationSlotProgress}), the
     * DynamoDB Streams sources' shards ({@link DynamoStreamProgress}), then on east's consumer groups ({@link ConsumerBacklog}); after a failover the job reads west from
     * translated offsets, which this does not follow.
     */
    @Override
    public Backlog backlog() {
        PipelineConsumers consumers;
        synchronized (this) {
            consumers = this.consumers;
            if (closed) {
                return Backlog.unknown("deployment " + namespace.prefix() + " is closed");
            }
            if (failedOver) {
                return Backlog.unknown("the pipeline failed over to another region");
            }
        }
        if (consumers == null) {
            return Backlog.unknown("deployment " + namespace.prefix() + " is not complete");
        }
        if (!consumers.unmeasured().isEmpty()) {
            return Backlog.unknown("not measured: " + String.join("; ", consumers.unmeasured()));
        }
        try {
            Optional<String> behind = slotProgress.behind(consumers.postgresSlots());
            if (behind.isPresent()) {
                return Backlog.inFlight(behind.get());
            }
        } catch (SQLException | RuntimeException e) {
            return Backlog.inFlight("PostgreSQL did not answer about its replication slots: " + e.getMessage());
        }
        try {
            Optional<String> behind = streamProgress.behind(consumers.dynamoStreams());
            if (behind.isPresent()) {
                return Backlog.inFlight(behind.get());
            }
        } catch (RuntimeException e) {
            return Backlog.inFlight("DynamoDB Local or Connect did not answer about the stream sources: " + e.getMessage());
        }
        Backlog kafka = ConsumerBacklog.measure(parts.east().admin(), consumers);
        if (!kafka.drained()) {
            return kafka;
        }
        List<String> evidence = new ArrayList<>();
        if (!consumers.postgresSlots().isEmpty()) {
            evidence.add(slotProgress.describe(consumers.postgresSlots()));
        }
        consumers.dynamoStreams().forEach((connector, table) ->
                evidence.add("connector " + connector + " at the end of " + table + "'s stream"));
        evidence.add(kafka.evidence());
        return Backlog.drained(String.join("; ", evidence));
    }

    @Override
    public Endpoints endpoints() {
        return topology.endpoints();
    }

    /**
     * The connectors this deployment created, for faults (pause, restart): the name the pipeline's
     * file gives each, without the namespace ({@code postgres_cdc}), to its name on the worker.
     */
    public synchronized Map<String, String> connectors() {
        Map<String, String> byLogicalName = new java.util.LinkedHashMap<>();
        String prefix = namespace.prefix();
        connectorNames.forEach(name -> byLogicalName.put(name.substring(prefix.length()), name));
        return Map.copyOf(byLogicalName);
    }

    /** The Flink job of this deployment, if the pipeline has Flink SQL: for faults (kill, restore). */
    public Optional<FlinkSqlJob> flinkJob() {
        return Optional.ofNullable(flinkJob);
    }

    @Override
    public List<Path> logFiles() {
        // the Flink session's log (flink-session.log) holds every job's story, this one's among them
        List<Path> files = new ArrayList<>();
        try (Stream<Path> logs = Files.list(parts.logDirectory())) {
            logs.filter(path -> path.toString().endsWith(".log")).sorted().forEach(files::add);
        } catch (java.io.IOException ignored) {
            // no logs yet
        }
        return files;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        CleanupSteps cleanup = new CleanupSteps();
        for (AutoCloseable resource : failoverResources) {
            cleanup.attempt(resource::close);
        }
        // the job winds down while the connectors are deleted; its end is awaited before its
        // checkpoints and the tables it writes go
        if (flinkJob != null) {
            cleanup.attempt(flinkJob::requestCancel);
        }
        ConnectorClient connectors = parts.connect().connectors();
        List<ConnectorDelete> deletes = new ArrayList<>();
        for (String name : connectorNames) {
            cleanup.attempt(() -> deletes.add(connectors.startDelete(name)));
        }
        deletes.forEach(delete -> cleanup.attempt(delete::await));
        if (flinkJob != null) {
            cleanup.attempt(flinkJob::close);
        }
        // cancelled: nothing restores this scenario's job later, so its checkpoints go with it (both regions')
        for (String region : EmbeddedTopology.REGIONS) {
            String directory = region.equals("east") ? schema : schema + "-" + region;
            cleanup.attempt(() -> Directories.deleteQuietly(parts.runDirectory().resolve("flink").resolve(directory)));
        }
        if (!slots.isEmpty() || postgresSchema.isCreated()) {
            cleanup.attempt(this::dropDatabaseObjects);
        }
        if (topicsCreated) {
            // every topic of the namespace: the declared ones and those a connector created there
            // (a Debezium heartbeat topic, say)
            cleanup.attempt(() -> parts.east().deleteTopicsStartingWith(namespace.prefix()));
        }
        for (String table : dynamoTables) {
            cleanup.attempt(() -> parts.dynamoDb().deleteTable(table));
        }
        cleanup.throwIfFailed("Could not fully remove deployment " + namespace.prefix() + " of pipeline " + pipeline.name());
    }

    /** Replication slots pin WAL forever if left behind, so they go first, once their connector let go. */
    private void dropDatabaseObjects() throws SQLException {
        slots.dropAll(timeout);
        postgresSchema.dropIfCreated();
    }

}
