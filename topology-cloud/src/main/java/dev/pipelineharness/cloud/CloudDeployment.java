package dev.pipelineharness.cloud;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.cloud.aws.DynamoTables;
import dev.pipelineharness.cloud.aws.PostgresNamespace;
import dev.pipelineharness.cloud.config.HarnessNames;
import dev.pipelineharness.cloud.control.CloudControl;
import dev.pipelineharness.cloud.failover.FailoverSubject;
import dev.pipelineharness.cloud.failover.StatementToMove;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import dev.pipelineharness.cloud.pipeline.CloudPipeline;
import dev.pipelineharness.cloud.pipeline.CloudPipeline.FlinkStatement;
import dev.pipelineharness.topology.support.ConnectorFile;
import dev.pipelineharness.topology.support.NamespacedDeployment;
import dev.pipelineharness.topology.support.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario's pipeline on Confluent Cloud and AWS, everything named with the run's harness
 * prefix ({@link HarnessNames}): the PostgreSQL schema and DDL, the topics (REST v3) and, with a DR
 * region, their mirror topics, the DynamoDB tables, the managed connectors (awaited RUNNING) and
 * one Flink statement per SQL statement (INSERTs awaited RUNNING, DDL COMPLETED). Deploying is all
 * or nothing; {@link #close()} removes everything in reverse order and keeps going past failures.
 */
final class CloudDeployment extends NamespacedDeployment {

    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'([^']+)'\\s*=\\s*'([^']*)'");
    private static final Set<String> DONE = Set.of("COMPLETED", "RUNNING");

    private final CloudServices services;
    private final Duration timeout;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Map<String, String> connectors = new LinkedHashMap<>();
    private final List<String> runningStatements = new ArrayList<>();
    /** The continuous statements as submitted, for the failover drill to submit again against the DR cluster. */
    private final List<StatementToMove> continuousStatements = new ArrayList<>();
    private final List<String> mirrors = new ArrayList<>();
    private final Endpoints endpoints;
    private boolean closed;

    @FunctionalInterface
    private interface Undo {
        void run() throws Exception;
    }

    private CloudDeployment(CloudServices services, Endpoints endpoints, PipelineDefinition pipeline, Namespace namespace,
                            Duration timeout) {
        super(pipeline, namespace);
        this.services = services;
        this.endpoints = endpoints;
        this.timeout = timeout;
    }

    static CloudDeployment deploy(CloudServices services, Endpoints endpoints, PipelineDefinition pipeline,
                                  Namespace namespace, Duration timeout) throws Exception {
        CloudPipeline cloud = CloudPipeline.of(pipeline);
        CloudDeployment deployment = new CloudDeployment(services, endpoints, pipeline, namespace, timeout);
        try {
            deployment.createAll(cloud);
            return deployment;
        } catch (Exception | Error e) {
            deployment.close();
            throw e;
        }
    }

    private void createAll(CloudPipeline cloud) throws Exception {
        // every connector's shape is checked first, before anything is created, and on the text as
        // written: a JSON error quoting the resolved text could show a secret
        for (PipelineFile file : cloud.connectors()) {
            ConnectorFile.parse(file, file.text(), names);
        }
        Map<String, String> values = CloudPlaceholders.of(services, pipeline, namespace, schema);
        if (!cloud.ddl().isEmpty()) {
            PostgresNamespace postgres = postgres("its PostgreSQL DDL " + cloud.ddl().get(0).displayName());
            List<PipelineFile> ddl = new ArrayList<>();
            for (PipelineFile file : cloud.ddl()) {
                ddl.add(new PipelineFile(file.path(), file.displayName(), Placeholders.resolve(file, values)));
            }
            undo.push(() -> postgres.dropAll(namespace.prefix(), schema, timeout));
            postgres.createSchema(schema, ddl);
        }
        // a topic that a cloud CREATE TABLE makes is made by that statement, with its schemas
        Set<String> flinkCreated = cloud.flinkCreatedTopics();
        for (TopicSpec topic : pipeline.topics()) {
            if (flinkCreated.contains(topic.name())) {
                continue;
            }
            String name = names.topic(topic.name());
            services.primary().createTopic(topic, name);
            undo.push(() -> services.primary().deleteTopic(name, timeout));
        }
        List<Submission> flink = submissions(cloud, values);
        // DDL first (the tables connectors and INSERTs use, with their topics and schemas), the
        // continuous statements last, once the connectors that feed them run
        for (Submission statement : flink) {
            if (!statement.source().runsContinuously()) {
                statement.source().createdTopic().map(names::topic).ifPresent(topic ->
                        undo.push(() -> services.primary().deleteTopic(topic, timeout)));
                submit(statement);
            }
        }
        if (services.link.isPresent()) {
            var link = services.link.get();
            var drTopics = services.kafka.get(services.regions.get(1));
            for (TopicSpec topic : pipeline.topics()) {
                String name = names.topic(topic.name());
                link.createMirror(name);
                mirrors.add(name);
                undo.push(() -> drTopics.deleteTopic(name, timeout));
            }
        }
        if (!pipeline.dynamoTables().isEmpty()) {
            DynamoTables tables = new DynamoTables(services.dynamoDb.orElseThrow(() -> missing("DynamoDB tables",
                    "pipeline-harness.cloud.aws.region")), services.http.planning(), services.http.log());
            undo.push(tables::close);
            for (DynamoTableSpec table : pipeline.dynamoTables()) {
                String name = names.dynamoTable(table.name());
                undo.push(() -> tables.delete(name, timeout));
                tables.create(table, name, timeout);
            }
        }
        for (PipelineFile file : cloud.connectors()) {
            ConnectorFile connector = ConnectorFile.parse(file, Placeholders.resolve(file, values), names);
            services.connect.create(connector.name(), connector.config(), connector.displayName());
            undo.push(() -> services.connect.delete(connector.name()));
            connectors.put(connector.name().substring(namespace.prefix().length()), connector.name());
            services.connect.awaitState(connector.name(), "RUNNING", connector.displayName(), timeout);
            String slot = connector.config().get("slot.name");
            if (slot != null && services.postgres.isPresent() && connector.connectorClass().startsWith("PostgresCdc")) {
                postgres("connector " + connector.displayName()).awaitSlotActive(slot, connector.name(), timeout);
            }
        }
        for (Submission statement : flink) {
            if (statement.source().runsContinuously()) {
                submit(statement);
            }
        }
    }

    /** A statement as it is sent: its name, resolved SQL and the SET options written before it. */
    private record Submission(FlinkStatement source, String name, String sql, Map<String, String> properties) {
    }

    /** Every statement resolved and named in file order, each with the SET options above it. */
    private List<Submission> submissions(CloudPipeline cloud, Map<String, String> values) {
        List<Submission> submissions = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        int index = 0;
        for (FlinkStatement statement : cloud.flinkStatements()) {
            PipelineFile resolved = new PipelineFile(statement.file().path(), statement.file().displayName(),
                    statement.sql());
            String sql = Placeholders.resolve(resolved, values);
            Matcher set = SET.matcher(sql);
            if (set.matches()) {
                // the statements API takes no SET: its options go with every later statement
                properties.put(set.group(1), set.group(2));
                continue;
            }
            index++;
            String name = HarnessNames.statementName(namespace.prefix() + index + "-" + stem(statement.file().path()));
            submissions.add(new Submission(statement, name, sql, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties))));
        }
        return submissions;
    }

    private void submit(Submission statement) {
        FlinkStatementsClient flink = services.flink;
        flink.create(statement.name(), statement.sql(), statement.properties());
        undo.push(() -> flink.delete(statement.name(), timeout));
        if (statement.source().runsContinuously()) {
            flink.awaitPhase(statement.name(), Set.of("RUNNING"), statement.source().where(), timeout);
            runningStatements.add(statement.name());
            continuousStatements.add(new StatementToMove(statement.name(), statement.sql(), statement.properties()));
        } else {
            flink.awaitPhase(statement.name(), DONE, statement.source().where(), timeout);
        }
    }

    private PostgresNamespace postgres(String needs) {
        return new PostgresNamespace(services.postgres.orElseThrow(() -> missing(needs, "pipeline-harness.cloud.postgres.host")),
                services.http.planning(), services.http.log(), services.wait);
    }

    private IllegalStateException missing(String what, String key) {
        return new IllegalStateException("pipeline '" + pipeline.name() + "' needs " + what
                + " but the cloud topology has none configured: set " + key + " (docs/topologies.md, cloud)");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }

    CloudControl.Owned owned() {
        return new CloudControl.Owned(Map.copyOf(connectors), List.copyOf(runningStatements));
    }

    List<String> mirrorTopics() {
        return List.copyOf(mirrors);
    }

    List<StatementToMove> continuousStatements() {
        return List.copyOf(continuousStatements);
    }

    /**
     * Something made for this deployment after it was deployed (the failover drill's statements and
     * groups in the DR region): removed first when it closes, should nothing have removed it before.
     */
    synchronized void removeOnClose(FailoverSubject.Cleanup cleanup) {
        if (closed) {
            throw new IllegalStateException("deployment " + namespace.prefix() + " is already closed");
        }
        undo.push(cleanup::run);
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    /** Nothing runs locally; the cloud's logs are in its console. */
    @Override
    public List<Path> logFiles() {
        return List.of();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        services.registry.ifPresent(registry -> {
            try {
                for (String subject : registry.subjects()) {
                    if (subject.startsWith(namespace.prefix())) {
                        registry.deleteSubject(HarnessNames.requireHarnessName(subject));
                    }
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Could not fully remove cloud deployment "
                    + namespace.prefix() + " of pipeline " + pipeline.name() + " (`./harness cloud sweep` removes the rest)");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
