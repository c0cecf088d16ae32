package dev.pipelineharness.cloud.failover;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.cloud.config.HarnessNames;
import dev.pipelineharness.cloud.control.ClusterLinkFailover;
import dev.pipelineharness.cloud.control.ClusterLinkFailover.FailoverEvidence;
import dev.pipelineharness.cloud.control.DestructiveGuard;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import dev.pipelineharness.cloud.kafka.ClusterLinkClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The region failover runbook on Confluent Cloud, the primary region active and the DR region's
 * cluster holding the deployment's topics as mirror topics of one cluster link (see
 * {@link RegionFailover} for the steps). A drill cannot destroy a region: {@link #takeDown} fails the
 * deployment's mirrors over ({@code mirrors:failover}, guarded as destructive), which is what a team
 * does when its primary is lost; the primary itself stays up. Cluster Linking keeps the source's
 * offsets, so no offset is translated: the cutover position is the DR copy's end offsets once the
 * mirrors stopped, a statement re-created in DR starts from the offsets the primary's statement last
 * processed, and a consumer group resumes from what the link's consumer offset sync carried
 * ({@code consumer.offset.sync.enable}). Failing over is one-way: {@link #bringBack} removes what the
 * drill created in DR and says that the mirrors stay promoted.
 *
 * <p>In plan mode every call the drill would make is recorded (changing ones not sent) and every
 * Kafka-protocol step and wait is a note in the plan.
 *
 * <p>One drill at a time: the {@code region-outage} fault runs its scenario alone.
 */
@API(status = INTERNAL, since = "0.2")
public final class CloudRegionFailover implements RegionFailover {

    /** The link config that carries consumer group offsets to the mirrors. */
    public static final String OFFSET_SYNC = "consumer.offset.sync.enable";
    /** How long a resumed downstream group reads in the DR region to show it resumed. */
    static final Duration RESUME_READ = Duration.ofSeconds(15);
    /** How long deleting a statement in the lost region may take before the runbook goes on without it. */
    static final Duration LOST_REGION_CALL = Duration.ofSeconds(30);

    /**
     * What the drill works with once the topology has started.
     *
     * @param drFlink        the statements API for the DR cluster (its database; its own endpoint, compute pool
     *                       and key when the DR region is another Flink region); empty, with {@code drFlinkMissing}
     *                       naming the settings, when not configured
     * @param takeDownWithin how long the mirrors may take to stop after {@code mirrors:failover}
     */
    public record Parts(ClusterLinkClient link, ClusterLinkFailover mirrors, DestructiveGuard guard, CloudHttp http,
                        CloudWait polls, FlinkStatementsClient primaryFlink, Optional<FlinkStatementsClient> drFlink,
                        String drFlinkMissing, RegionKafka kafka, Duration takeDownWithin) {
    }

    private final String primary;
    private final String dr;
    private final Supplier<Parts> parts;
    private final Function<Deployment, FailoverSubject> subjects;
    private volatile Drill drill;

    /**
     * @param primary  the active region (the first configured)
     * @param dr       the region whose cluster holds the link's mirror topics
     * @param subjects what the drill needs of one of the topology's deployments
     */
    public CloudRegionFailover(String primary, String dr, Supplier<Parts> parts,
                               Function<Deployment, FailoverSubject> subjects) {
        this.primary = primary;
        this.dr = dr;
        this.parts = parts;
        this.subjects = subjects;
    }

    @Override
    public Map<String, Set<String>> failoverTargets() {
        return Map.of(primary, Set.of(dr));
    }

    @Override
    public String prepare(Deployment deployment, String from, String to, List<String> downstreamTopics,
                          Duration timeout) throws Exception {
        requirePair(from, to);
        Parts parts = this.parts.get();
        FailoverSubject subject = subjects.apply(deployment);
        for (String topic : downstreamTopics) {
            if (deployment.pipeline().topic(topic).isEmpty()) {
                throw new IllegalArgumentException("downstream-topics: pipeline " + deployment.pipeline().name()
                        + " has no topic '" + topic + "'");
            }
        }
        // everything the drill needs is checked before it changes anything
        if (parts.drFlink().isEmpty() && !subject.continuousStatements().isEmpty()) {
            throw new IllegalStateException("the failover drill re-creates the deployment's Flink statements against "
                    + dr + "'s cluster, but " + parts.drFlinkMissing() + " (docs/failover-drills.md, cloud)");
        }
        String operation = "the region failover drill of link " + parts.link().link() + " (mirrors:failover of "
                + subject.mirrorTopics().size() + " mirror topic(s) into " + dr + ")";
        guard(parts, operation);
        Drill started = new Drill(subject, parts);
        drill = started;
        boolean offsetSync = parts.link().config(OFFSET_SYNC).map(Boolean::parseBoolean).orElse(false);
        List<String> evidence = new ArrayList<>();
        if (!offsetSync) {
            evidence.add("link " + parts.link().link() + " has " + OFFSET_SYNC + " off: no group position reaches "
                    + dr + ", a moved group starts there from the earliest offset");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String topic : downstreamTopics) {
            String group = deployment.namespace().prefix() + "downstream_" + topic;
            String physical = deployment.topic(topic);
            PreparedGroup prepared = new PreparedGroup(group, physical);
            started.groups.add(prepared);
            subject.removeOnClose(() -> deleteGroup(parts, group));
            if (parts.http().planning()) {
                note(parts, primary, "consumer group " + group + ": consume " + physical + " from the earliest offset, commit");
                note(parts, dr, "poll mirror " + physical + " until its fetched offsets reach the committed position"
                        + (offsetSync ? ", and group " + group + "'s synced offsets until they equal it" : ""));
                evidence.add("planned group " + group + " on " + physical);
                continue;
            }
            Duration left = remaining(deadline);
            prepared.committedInFrom = parts.kafka().consumeAndCommit(primary, group, physical, left);
            evidence.add(awaitReplicated(parts, prepared, offsetSync, remaining(deadline)));
        }
        if (downstreamTopics.isEmpty()) {
            evidence.add("no downstream consumer group to move");
        }
        return String.join("; ", evidence);
    }

    /**
     * Plan mode only: records every call the drill would make on {@code deployment}, should its scenario
     * run a {@code region-outage} fault (the engine stops a planned scenario after deploying, so the fault
     * never runs itself). Downstream groups are those the fault names, so none is planned here.
     */
    public void plan(Deployment deployment, Duration timeout) {
        Parts parts = this.parts.get();
        if (!parts.http().planning()) {
            throw new IllegalStateException("plan() records a drill in plan mode only");
        }
        CallLog log = parts.http().log();
        log.note("PLAN", "region-outage " + primary + " -> " + dr, "the calls below run only in a scenario with a "
                + "region-outage fault; a consumer group per downstream-topics entry adds its Kafka steps");
        try {
            prepare(deployment, primary, dr, List.of(), timeout);
            Outage outage = takeDown(primary);
            failover(deployment, outage, dr, new RegionSwitch(), step -> { }, timeout);
            log.note("PLAN", "region-outage " + primary + " -> " + dr, bringBack(primary, timeout));
        } catch (Exception | Error e) {
            drill = null;
            log.note("PLAN", "region-outage " + primary + " -> " + dr, "the drill could not run: "
                    + parts.http().masker().mask(String.valueOf(e.getMessage())));
        }
    }

    /** Waits until the mirror holds the group's position (and, with offset sync, the group's offsets are in DR). */
    private String awaitReplicated(Parts parts, PreparedGroup group, boolean offsetSync, Duration within) {
        long committed = total(group.committedInFrom);
        String seen = "group " + group.group + " committed " + committed + " in " + primary + " on " + group.topic;
        if (committed == 0) {
            return seen + " (it read nothing within the bound: the topic was still empty)";
        }
        long start = System.nanoTime();
        try {
            parts.polls().until("mirror " + group.topic + " of link " + parts.link().link() + " in " + dr
                            + " to hold group " + group.group + "'s position " + group.committedInFrom
                            + (offsetSync ? " and the group's offsets to be synced there" : ""), within,
                    () -> new Replicated(parts.link().mirror(group.topic).fetchedOffsets(),
                            offsetSync ? parts.kafka().committed(dr, group.group, group.topic) : Map.of()),
                    replicated -> holds(replicated.mirrored(), group.committedInFrom)
                            && (!offsetSync || replicated.synced().equals(group.committedInFrom)),
                    replicated -> "mirror fetched " + replicated.mirrored() + ", group synced " + replicated.synced());
            return seen + "; the mirror in " + dr + " held it" + (offsetSync ? " and the link synced the group's offsets" : "")
                    + " after " + (System.nanoTime() - start) / 1_000_000 + " ms";
        } catch (IllegalStateException timedOut) {
            // a replication that never carried the position is the drill's finding, judged by its check
            return seen + "; not replicated to " + dr + ": " + parts.http().masker().mask(timedOut.getMessage());
        }
    }

    private record Replicated(Map<Integer, Long> mirrored, Map<Integer, Long> synced) {
    }

    private static boolean holds(Map<Integer, Long> mirrored, Map<Integer, Long> position) {
        return position.entrySet().stream().allMatch(entry -> mirrored.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
    }

    @Override
    public Outage takeDown(String region) {
        Drill current = requireDrill(region);
        Parts parts = current.parts;
        Instant at = Instant.now();
        FailoverEvidence cutover = parts.mirrors().failover(current.subject.deployment(), parts.takeDownWithin());
        current.cutover = cutover;
        String lags = cutover.mirrorLagAtCutover().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).reduce((a, b) -> a + ", " + b).orElse("none read");
        return new Outage(region, at, region + " is not destroyed (a cloud drill cannot take a region away): link "
                + cutover.link() + " failed over its " + current.subject.mirrorTopics().size() + " mirror topic(s) in "
                + dr + " (mirrors:failover, writable after " + cutover.took().toMillis() + " ms); mirror lag at cutover "
                + "(records " + region + " had that " + dr + " had not): " + lags + "; DR offsets at cutover: "
                + cutover.drOffsetsAtCutover());
    }

    @Override
    public FailoverReport failover(Deployment deployment, Outage outage, String to, RegionSwitch producers,
                                   Consumer<String> progress, Duration timeout) throws Exception {
        requirePair(outage.region(), to);
        Drill current = requireDrill(outage.region());
        Parts parts = current.parts;
        boolean planning = parts.http().planning();
        List<String> steps = new ArrayList<>();
        Consumer<String> step = text -> {
            steps.add(text);
            progress.accept(text);
        };
        List<String> topics = deployment.pipeline().topics().stream().map(TopicSpec::name).map(deployment::topic).toList();

        // 1. the cutover position: the mirrors are stopped, so the DR copy no longer grows from the lost region
        Map<String, Map<Integer, Long>> cutover;
        if (planning) {
            note(parts, dr, "read the end offsets of " + topics + ": the cutover position");
            cutover = Map.of();
        } else {
            cutover = parts.kafka().endOffsets(dr, topics);
        }
        step.accept(since(outage) + dr + " holds its copy at cutover: " + describe(deployment, cutover));
        RegionKafka.Arrivals arrivals;
        if (planning) {
            note(parts, dr, "watch " + topics + " from the cutover offsets for arrivals (the RTO)");
            arrivals = new NoArrivals();
        } else {
            arrivals = parts.kafka().watchArrivals(dr, cutover);
        }
        current.arrivals = arrivals;

        // 2. producers move
        producers.switchTo(to);
        Instant cutoverAt = Instant.now();
        step.accept(since(outage) + "producers moved to " + to);

        // 3. the streaming job: each continuous statement re-created against the DR cluster
        List<StatementToMove> statements = current.subject.continuousStatements();
        if (statements.isEmpty()) {
            step.accept(since(outage) + "no Flink statement to move");
        }
        for (StatementToMove statement : statements) {
            step.accept(since(outage) + moveStatement(current, statement, cutover, timeout));
        }

        // 4. downstream consumer groups resume in DR from what the link synced
        List<GroupResumption> resumed = new ArrayList<>();
        for (PreparedGroup group : current.groups) {
            GroupResumption resumption = resume(parts, group);
            resumed.add(resumption);
            step.accept(since(outage) + "group " + group.group + " resumed in " + to + " at " + resumption.resumedAt()
                    + " of " + resumption.producedInTo() + " (had committed " + resumption.committedInFrom() + " in "
                    + outage.region() + "), read " + resumption.readAfterResume() + " record(s)");
        }
        return new FailoverReport(outage, to, cutoverAt, cutover, resumed, arrivals, steps);
    }

    /** Reads where the lost region's statement got to, removes it if it answers, and starts its successor in DR. */
    private String moveStatement(Drill current, StatementToMove statement, Map<String, Map<Integer, Long>> cutover,
                                 Duration timeout) {
        Parts parts = current.parts;
        FlinkStatementsClient drFlink = parts.drFlink().orElseThrow();
        Map<String, Map<Integer, Long>> starts = new LinkedHashMap<>();
        String east;
        try {
            if (!parts.http().planning()) {
                parts.primaryFlink().latestOffsets(statement.name()).forEach((topic, text) -> starts.put(topic,
                        StartingOffsets.capped(StartingOffsets.parse(text), cutover.getOrDefault(topic, Map.of()))));
            }
            parts.primaryFlink().delete(statement.name(), LOST_REGION_CALL);
            east = statement.name() + " stopped and deleted in " + primary;
        } catch (RuntimeException unreachable) {
            // a region really lost does not answer: the runbook goes on without it
            east = statement.name() + " not reachable in " + primary + " (" + parts.http().masker()
                    .mask(String.valueOf(unreachable.getMessage())) + ")";
        }
        String name = HarnessNames.statementName(statement.name() + "-" + dr);
        StartingOffsets.Placed placed = StartingOffsets.apply(statement.sql(), starts);
        Map<String, String> properties = new LinkedHashMap<>(statement.properties());
        properties.remove("sql.current-catalog");
        properties.remove("sql.current-database");
        drFlink.create(name, placed.sql(), properties);
        current.statements.add(name);
        current.subject.removeOnClose(() -> drFlink.delete(name, timeout));
        drFlink.awaitPhase(name, Set.of("RUNNING"), "the failover of statement " + statement.name(), timeout);
        return east + "; re-created as " + name + " against " + dr + "'s cluster " + drFlink.settings().database()
                + (placed.starts().isEmpty() ? " from the earliest offset (no processed offsets known: what "
                        + primary + " had processed is processed again)"
                        : " from the offsets it had processed " + placed.starts()) + ", RUNNING";
    }

    private GroupResumption resume(Parts parts, PreparedGroup group) throws Exception {
        if (parts.http().planning()) {
            note(parts, dr, "consumer group " + group.group + ": read its synced offsets and the end offsets of "
                    + group.topic + ", resume there, read, commit");
            return new GroupResumption(group.group, group.topic, 0, 0, 0, 0);
        }
        long resumedAt = total(parts.kafka().committed(dr, group.group, group.topic));
        long produced = total(parts.kafka().endOffsets(dr, List.of(group.topic)).getOrDefault(group.topic, Map.of()));
        long read = parts.kafka().resume(dr, group.group, group.topic, RESUME_READ);
        return new GroupResumption(group.group, group.topic, total(group.committedInFrom), resumedAt, produced, read);
    }

    /**
     * Not a way back: Cluster Linking's failover is one-way. Removes what the drill created in DR (its
     * statements, its groups; in the primary its groups) and reports that the mirrors stay promoted
     * until the deployment's removal deletes them; the next scenario deploys into a fresh namespace
     * with new mirrors.
     */
    @Override
    public String bringBack(String region, Duration timeout) {
        Drill current = drill;
        if (current == null || !region.equals(primary)) {
            return "nothing to bring back in " + region + ": no drill of this topology took it away";
        }
        drill = null;
        Parts parts = current.parts;
        if (current.arrivals != null) {
            current.arrivals.close();
        }
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String statement : current.statements) {
            try {
                parts.drFlink().orElseThrow().delete(statement, timeout);
                removed.add("statement " + statement + " in " + dr);
            } catch (RuntimeException e) {
                left.add("statement " + statement + " (" + parts.http().masker().mask(String.valueOf(e.getMessage())) + ")");
            }
        }
        for (PreparedGroup group : current.groups) {
            try {
                deleteGroup(parts, group.group);
                removed.add("group " + group.group + " in " + dr + " and " + primary);
            } catch (Exception e) {
                left.add("group " + group.group + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String mirrors = current.cutover == null ? "the mirrors of link " + parts.link().link() + " were not failed over"
                : "Cluster Linking failover is one-way: the " + current.subject.mirrorTopics().size() + " mirror topic(s) of link "
                + parts.link().link() + " stay promoted (writable, no longer mirrored from " + primary + ") in " + dr
                + " until the deployment's removal deletes them; " + primary + " was never down";
        return mirrors + "; removed what the drill created: " + (removed.isEmpty() ? "nothing" : String.join(", ", removed))
                + (left.isEmpty() ? "" : "; not removed yet (the deployment's removal tries again): " + String.join(", ", left))
                + "; the next scenario deploys into a fresh namespace with new mirrors";
    }

    private void deleteGroup(Parts parts, String group) throws Exception {
        if (parts.http().planning()) {
            note(parts, dr, "delete consumer group " + group);
            note(parts, primary, "delete consumer group " + group);
            return;
        }
        parts.kafka().deleteGroup(dr, group);
        parts.kafka().deleteGroup(primary, group);
    }

    /** Refuses without both allowances; a plan changes nothing, so it records the verdict instead. */
    private static void guard(Parts parts, String operation) {
        if (parts.http().planning()) {
            parts.http().log().note("GUARD", operation, parts.guard().permits() ? "allowed"
                    : "a live run would refuse it: set both allowances (docs/failover-drills.md)");
            return;
        }
        parts.guard().check(operation);
    }

    private void note(Parts parts, String region, String what) {
        CallLog log = parts.http().log();
        log.note("KAFKA", region + " " + parts.kafka().where(region), what);
    }

    private Drill requireDrill(String region) {
        Drill current = drill;
        if (!primary.equals(region)) {
            throw new IllegalArgumentException("the cloud topology fails over only " + failoverTargets() + ", not " + region);
        }
        if (current == null) {
            throw new IllegalStateException("the cloud drill fails over one deployment's mirrors: prepare it first");
        }
        return current;
    }

    private void requirePair(String from, String to) {
        if (!primary.equals(from) || !dr.equals(to)) {
            throw new IllegalArgumentException("the cloud topology fails over only " + failoverTargets() + " (the link "
                    + "mirrors " + primary + " into " + dr + "), not " + from + " to " + to);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static long total(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String since(Outage outage) {
        return "+" + Duration.between(outage.at(), Instant.now()).toMillis() + " ms: ";
    }

    private static String describe(Deployment deployment, Map<String, Map<Integer, Long>> cutover) {
        if (cutover.isEmpty()) {
            return "(planned)";
        }
        Map<String, String> totals = new TreeMap<>();
        for (TopicSpec spec : deployment.pipeline().topics()) {
            Map<Integer, Long> offsets = cutover.getOrDefault(deployment.topic(spec.name()), Map.of());
            totals.put(spec.name(), offsets.isEmpty() ? "(no copy)" : total(offsets) + " record(s)");
        }
        StringBuilder text = new StringBuilder();
        totals.forEach((topic, total) -> text.append(text.isEmpty() ? "" : ", ").append(topic).append(' ').append(total));
        return text.toString();
    }

    /** One drill from {@link #prepare} to {@link #bringBack}. */
    private static final class Drill {
        final FailoverSubject subject;
        final Parts parts;
        final List<PreparedGroup> groups = new CopyOnWriteArrayList<>();
        final List<String> statements = new CopyOnWriteArrayList<>();
        volatile FailoverEvidence cutover;
        volatile RegionKafka.Arrivals arrivals;

        Drill(FailoverSubject subject, Parts parts) {
            this.subject = subject;
            this.parts = parts;
        }
    }

    /** A downstream consumer group on one output topic, and the position it committed in the primary. */
    private static final class PreparedGroup {
        final String group;
        final String topic;
        volatile Map<Integer, Long> committedInFrom = Map.of();

        PreparedGroup(String group, String topic) {
            this.group = group;
            this.topic = topic;
        }
    }

    /** A plan observes no arrivals. */
    private static final class NoArrivals implements RegionKafka.Arrivals {
        @Override
        public Optional<Instant> at(String topic, int partition, long offset) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
