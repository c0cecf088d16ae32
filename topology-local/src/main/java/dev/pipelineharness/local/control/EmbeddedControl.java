package dev.pipelineharness.local.control;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.ConnectorComponents;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.local.connect.ConnectorClient;
import dev.pipelineharness.local.flink.FlinkSessionCluster;
import dev.pipelineharness.local.flink.FlinkSqlJob;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded topology's components and links under the names scenarios use. Every process the
 * topology owns can be killed and restarted; brokers, Connect, MirrorMaker, DynamoDB Local and a
 * deployment's Flink job can also be paused (PostgreSQL cannot: SIGSTOP of the postmaster leaves its
 * backends serving). The Flink session's TaskManager ({@code flink.taskmanager}) can be killed and
 * restarted; it is shared, the deployment's job ({@code flink}) is not. Every link is a proxy, so every link fault is offered on every link.
 */
public final class EmbeddedControl implements TopologyControl {

    /** The names scenarios use, known before the topology starts. */
    public static final Set<String> COMPONENT_NAMES = Set.of("kafka.east", "kafka.west", "connect", "postgres",
            "dynamodb", "mirror-maker", "flink", "flink.taskmanager");
    public static final Set<String> LINK_NAMES = Set.of("east.kafka", "west.kafka", "harness->east", "harness->west",
            "mirror->east", "mirror->west", "flink->kafka", "connect->kafka", "connect->postgres", "connect->dynamodb");

    /** What a deployment owns: its Flink job, kill, pause and restart from the latest checkpoint. */
    static final Set<ComponentOperation> FLINK_JOB_OPERATIONS = Set.copyOf(EnumSet.allOf(ComponentOperation.class));

    private static final java.time.Duration PAUSE_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final List<ComponentControl> shared;
    private final List<LinkControl> links;
    private final Function<Deployment, Optional<FlinkSqlJob>> flinkJobOf;
    private final Function<Deployment, Map<String, String>> connectorsOf;
    private final ConnectorClient connectors;

    /**
     * @param flinkJobOf   finds the Flink job of one of this topology's deployments, if it has one
     * @param connectorsOf finds the connectors a deployment created: logical name (as its file writes it,
     *                     without the namespace) to its name on the worker
     */
    public EmbeddedControl(EmbeddedComponents parts, Function<Deployment, Optional<FlinkSqlJob>> flinkJobOf,
                           Function<Deployment, Map<String, String>> connectorsOf) {
        this.shared = sharedComponents(parts);
        this.links = links(parts);
        this.flinkJobOf = flinkJobOf;
        this.connectorsOf = connectorsOf;
        this.connectors = parts.connect().connectors();
        // flink is a deployment's own job; without a session cluster there is no shared TaskManager to name
        requireNames(COMPONENT_NAMES, shared.stream().map(ComponentControl::name),
                parts.flink() == null ? new String[] {"flink", "flink.taskmanager"} : new String[] {"flink"});
        requireNames(LINK_NAMES, links.stream().map(LinkControl::name));
    }

    /** The names validation accepts before start must be exactly the ones built here. */
    private static void requireNames(Set<String> declared, java.util.stream.Stream<String> built, String... extra) {
        Set<String> names = new java.util.TreeSet<>(List.of(extra));
        built.forEach(names::add);
        if (!names.equals(new java.util.TreeSet<>(declared))) {
            throw new IllegalStateException("declared names " + new java.util.TreeSet<>(declared)
                    + " differ from the built ones " + names);
        }
    }

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        List<ComponentControl> all = new ArrayList<>(shared);
        flinkJobOf.apply(deployment).ifPresent(job -> all.add(flink(job)));
        connectorsOf.apply(deployment).forEach((logical, physical) ->
                all.add(new ConnectorComponentControl(logical, physical, connectors)));
        return List.copyOf(all);
    }

    @Override
    public List<ComponentControl> sharedComponents() {
        return shared;
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return links;
    }

    @Override
    public Set<String> componentNames() {
        return COMPONENT_NAMES;
    }

    @Override
    public Set<String> linkNames() {
        return LINK_NAMES;
    }

    @Override
    public boolean hasComponent(String name) {
        return has(name);
    }

    /** One of {@link #COMPONENT_NAMES}, or {@code connect.<name>}: one of a deployment's connectors. */
    public static boolean has(String name) {
        return COMPONENT_NAMES.contains(name) || ConnectorComponents.connectorOf(name).isPresent();
    }

    @Override
    public Scope scopeOf(String name) {
        return scope(name);
    }

    /**
     * Only a deployment's Flink job and its connectors are its own; every process and proxy else
     * serves all scenarios.
     */
    public static Scope scope(String name) {
        return "flink".equals(name) || ConnectorComponents.connectorOf(name).isPresent() ? Scope.DEPLOYMENT
                : Scope.SHARED;
    }

    @Override
    public Set<ComponentOperation> componentOperations() {
        Set<ComponentOperation> operations = EnumSet.copyOf(FLINK_JOB_OPERATIONS);
        shared.forEach(component -> operations.addAll(component.operations()));
        return Set.copyOf(operations);
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        Set<LinkOperation> operations = EnumSet.noneOf(LinkOperation.class);
        links.forEach(link -> operations.addAll(link.operations()));
        return Set.copyOf(operations);
    }

    private static List<ComponentControl> sharedComponents(EmbeddedComponents parts) {
        List<ComponentControl> components = new ArrayList<>();
        for (KafkaRegion region : List.of(parts.east(), parts.west())) {
            components.add(new ProcessComponentControl("kafka." + region.region(), Scope.SHARED,
                    "answers a metadata request", region::pid, region::awaitReady)
                    .killedBy(region::kill).pausedBy(region::pause, region::resume).restartedBy(region::restart));
        }
        var connect = parts.connect();
        components.add(new ProcessComponentControl("connect", Scope.SHARED,
                "its REST API answers and lists the Debezium PostgreSQL source", () -> connect.process().pid(),
                connect::awaitReady)
                .killedBy(connect::kill).pausedBy(() -> connect.process().pause(), () -> connect.process().resume())
                .restartedBy(connect::restart));
        var postgres = parts.postgres();
        components.add(new ProcessComponentControl("postgres", Scope.SHARED, "accepts a JDBC connection",
                postgres::pid, postgres::awaitReady)
                .killedBy(postgres::kill).restartedBy(postgres::restart));
        var dynamo = parts.dynamoDb();
        components.add(new ProcessComponentControl("dynamodb", Scope.SHARED, "answers ListTables",
                () -> dynamo.process().pid(), dynamo::awaitReady)
                .killedBy(dynamo::kill).pausedBy(() -> dynamo.process().pause(), () -> dynamo.process().resume())
                .restartedBy(dynamo::restart));
        if (parts.flink() != null) {
            components.add(taskManager(parts.flink()));
        }
        var mirror = parts.mirror();
        components.add(new ProcessComponentControl("mirror-maker", Scope.SHARED,
                "replicates a probe record from east to west", mirror::pid, mirror::awaitReady)
                .killedBy(mirror::kill).pausedBy(() -> mirror.process().pause(), () -> mirror.process().resume())
                .restartedBy(mirror::restart));
        return List.copyOf(components);
    }

    /**
     * A deployment's Flink job on the session cluster: kill cancels the job abruptly, pause stops it
     * with a savepoint and resume restores it from that savepoint, restart restores from the latest
     * checkpoint, and the state is the job's as Flink's REST API reports it.
     */
    static ComponentControl flink(FlinkSqlJob job) {
        return new ProcessComponentControl("flink", Scope.DEPLOYMENT, job::awaitReady,
                "its job on the session cluster and all its tasks are RUNNING", () -> sessionJobState(job))
                .describedBy(() -> sessionJobObserved(job))
                .killedBy(job::kill)
                .pausedBy(() -> job.pause(PAUSE_TIMEOUT), () -> job.resume(PAUSE_TIMEOUT))
                .restartedBy(job::restartFromLatestCheckpoint);
    }

    /**
     * The job's state with Flink's own word for it and its savepoint: {@code PAUSED (job 3f2a... FINISHED,
     * stopped with savepoint file:/...)} after a pause, {@code RUNNING (job ... RUNNING, restored from
     * savepoint ...)} after the resume.
     */
    static String sessionJobObserved(FlinkSqlJob job) {
        String flinkState = job.state();
        StringBuilder text = new StringBuilder().append(sessionJobState(job)).append(" (job ").append(job.jobId())
                .append(' ').append(flinkState);
        job.pausedAt().ifPresent(savepoint -> text.append(", stopped with savepoint ").append(savepoint));
        if (job.pausedAt().isEmpty()) {
            job.restoredFrom().ifPresent(restored -> text.append(", restored from ").append(restored));
        }
        return text.append(')').toString();
    }

    /** Flink's word for a job on the session: stopped with a savepoint is PAUSED, ended otherwise STOPPED. */
    static ComponentState sessionJobState(FlinkSqlJob job) {
        String state = job.state();
        if (job.pausedAt().isPresent() && state.equals("FINISHED")) {
            return ComponentState.PAUSED;
        }
        return switch (state) {
            case "CANCELED", "CANCELLING", "FAILED", "FINISHED", "UNREACHABLE" -> ComponentState.STOPPED;
            default -> ComponentState.RUNNING;
        };
    }

    /**
     * The session's TaskManager: shared by every scenario's job, so a scenario that kills it runs
     * alone. Killing it fails every job over; restarting starts a new one, on which the jobs restore
     * from their latest checkpoints (Flink's own restart strategy does that).
     */
    private static ComponentControl taskManager(FlinkSessionCluster session) {
        return new ProcessComponentControl("flink.taskmanager", Scope.SHARED, session::awaitTaskManager,
                "a TaskManager with " + session.slots() + " slots is registered with the JobManager",
                () -> !session.process().isAlive() ? ComponentState.STOPPED
                        : session.isTaskManagerRunning() ? ComponentState.RUNNING : ComponentState.STOPPED)
                .killedBy(session::killTaskManager)
                .restartedBy(timeout -> {
                    if (session.isTaskManagerRunning()) {
                        session.killTaskManager();
                    }
                    session.startTaskManager(timeout);
                });
    }

    private static List<LinkControl> links(EmbeddedComponents parts) {
        List<LinkControl> links = new ArrayList<>();
        for (KafkaRegion region : List.of(parts.east(), parts.west())) {
            links.add(new ProxyLinkControl(region.region() + ".kafka",
                    Arrays.stream(KafkaLink.values()).map(region::proxy).toList()));
            links.add(new ProxyLinkControl("harness->" + region.region(), List.of(region.proxy(KafkaLink.HARNESS))));
            links.add(new ProxyLinkControl("mirror->" + region.region(), List.of(region.proxy(KafkaLink.MIRROR))));
        }
        links.add(new ProxyLinkControl("flink->kafka", List.of(parts.east().proxy(KafkaLink.FLINK))));
        links.add(new ProxyLinkControl("connect->kafka", List.of(parts.east().proxy(KafkaLink.CONNECT))));
        links.add(new ProxyLinkControl("connect->postgres", List.of(parts.connectToPostgres())));
        links.add(new ProxyLinkControl("connect->dynamodb", List.of(parts.connectToDynamoDb())));
        return List.copyOf(links);
    }
}
