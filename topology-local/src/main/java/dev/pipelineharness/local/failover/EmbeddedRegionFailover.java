package dev.pipelineharness.local.failover;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.local.control.EmbeddedComponents;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.topology.support.ArrivalWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The failover runbook on the embedded topology, east active and west its MirrorMaker 2 replica
 * (identity topic names, checkpoints and group offsets synced every second): see
 * {@link RegionFailover} for the steps. One deployment's downstream groups live from
 * {@link #prepare} to {@link #failover}.
 */
public final class EmbeddedRegionFailover implements RegionFailover {

    /** What the embedded topology can do: east fails over to its replica west (MirrorMaker runs one way). */
    public static final Map<String, Set<String>> TARGETS = Map.of("east", Set.of("west"));
    /** How long the replica's end offsets must stay put before they count as the cutover position. */
    static final Duration SETTLE = Duration.ofMillis(1500);
    /**
     * How far the replica's copy of the pipeline's group positions may trail before the outage strikes:
     * in a healthy replica the translated position follows each 1 s checkpoint within 0.5 to 2 s.
     */
    static final Duration MAX_SYNC_LAG = Duration.ofSeconds(2);
    /** How long a resumed downstream group reads in the new region to show it resumed. */
    static final Duration RESUME_READ = Duration.ofSeconds(10);

    private final Supplier<EmbeddedComponents> parts;
    private final Map<Deployment, List<DownstreamGroup>> groups = new ConcurrentHashMap<>();

    public EmbeddedRegionFailover(Supplier<EmbeddedComponents> parts) {
        this.parts = parts;
    }

    @Override
    public Map<String, Set<String>> failoverTargets() {
        return TARGETS;
    }

    @Override
    public String prepare(Deployment deployment, String from, String to, List<String> downstreamTopics,
                          Duration timeout) throws Exception {
        requirePair(from, to);
        KafkaRegion source = parts.get().region(from);
        KafkaRegion target = parts.get().region(to);
        if (!(deployment instanceof MovableDeployment embedded)) {
            throw new IllegalArgumentException("not a deployment of the embedded topology: " + deployment);
        }
        List<DownstreamGroup> prepared = new ArrayList<>();
        for (String topic : downstreamTopics) {
            if (deployment.pipeline().topic(topic).isEmpty()) {
                throw new IllegalArgumentException("downstream-topics: pipeline " + deployment.pipeline().name()
                        + " has no topic '" + topic + "'");
            }
            prepared.add(new DownstreamGroup(deployment.namespace().prefix() + "downstream_" + topic,
                    deployment.topic(topic)));
        }
        List<String> pipelineGroups = FailoverSql.groupIds(String.join("\n", embedded.flinkSql().stream()
                .map(PipelineFile::text).toList()));
        String evidence = ReplicaInSync.await(prepared, pipelineGroups, source.bootstrapServers(KafkaLink.HARNESS),
                source.admin(), target.admin(), MAX_SYNC_LAG, timeout);
        groups.put(deployment, prepared);
        return evidence;
    }

    @Override
    public Outage takeDown(String region) {
        Instant at = Instant.now();
        String evidence = RegionTakedown.takeDown(parts.get().region(region));
        return new Outage(region, at, evidence);
    }

    @Override
    public FailoverReport failover(Deployment deployment, Outage outage, String to, RegionSwitch producers,
                                   Consumer<String> progress, Duration timeout) throws Exception {
        requirePair(outage.region(), to);
        if (!(deployment instanceof MovableDeployment embedded)) {
            throw new IllegalArgumentException("not a deployment of the embedded topology: " + deployment);
        }
        KafkaRegion target = parts.get().region(to);
        List<String> steps = new ArrayList<>();
        Consumer<String> step = text -> {
            steps.add(text);
            progress.accept(text);
        };
        List<String> topics = deployment.pipeline().topics().stream().map(TopicSpec::name).map(deployment::topic).toList();

        // 1. cutover: what the replica holds once nothing more can arrive from the lost region
        Map<String, Map<Integer, Long>> cutover = CutoverOffsets.settle(target.admin(), topics, SETTLE, timeout);
        step.accept(since(outage) + to + " holds its copy at cutover: " + describe(deployment, cutover));
        ArrivalWatcher arrivals = new ArrivalWatcher(arrivalsConsumer(target.bootstrapServers(KafkaLink.HARNESS)), cutover);
        embedded.ownFailoverResource(arrivals);

        // 2. producers move
        producers.switchTo(to);
        Instant cutoverAt = Instant.now();
        step.accept(since(outage) + "producers moved to " + to);

        // 3. the streaming job restarts in the new region from its groups' translated offsets
        // the groups' positions as synced, read before the new job commits any of its own
        List<String> positions = new ArrayList<>();
        List<PipelineFile> sql = embedded.resubmitFlink(target, text -> {
            positions.add(groupOffsets(target, FailoverSql.groupIds(text)));
            return FailoverSql.fromGroupOffsets(text);
        });
        if (sql.isEmpty()) {
            step.accept(since(outage) + "no Flink job to move");
        } else {
            String text = String.join("\n", sql.stream().map(PipelineFile::text).toList());
            step.accept(since(outage) + "Flink job cancelled and resubmitted against " + to + ", "
                    + FailoverSql.sources(text) + " source(s) from group offsets ("
                    + String.join(", ", positions.stream().filter(p -> !p.isEmpty()).toList()) + "), running");
        }

        // 4. downstream consumer groups resume from their synced offsets
        List<GroupResumption> resumed = new ArrayList<>();
        for (DownstreamGroup group : groups.getOrDefault(deployment, List.of())) {
            GroupResumption resumption = group.resume(target.bootstrapServers(KafkaLink.HARNESS), target.admin(),
                    RESUME_READ);
            resumed.add(resumption);
            step.accept(since(outage) + "group " + group.group() + " resumed in " + to + " at " + resumption.resumedAt()
                    + " of " + resumption.producedInTo() + " (had committed " + resumption.committedInFrom() + " in "
                    + outage.region() + "), read " + resumption.readAfterResume() + " record(s)");
        }
        groups.remove(deployment);
        return new FailoverReport(outage, to, cutoverAt, cutover, resumed, arrivals, steps);
    }

    @Override
    public String bringBack(String region, Duration timeout) throws Exception {
        return RegionTakedown.bringBack(parts.get().region(region), timeout);
    }

    private static void requirePair(String from, String to) {
        if (!TARGETS.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalArgumentException("the embedded topology fails over only " + TARGETS + ", not " + from
                    + " to " + to);
        }
    }

    private static String since(Outage outage) {
        return "+" + java.time.Duration.between(outage.at(), Instant.now()).toMillis() + " ms: ";
    }

    private static String describe(Deployment deployment, Map<String, Map<Integer, Long>> cutover) {
        Map<String, Long> totals = new TreeMap<>();
        for (TopicSpec spec : deployment.pipeline().topics()) {
            Map<Integer, Long> offsets = cutover.get(deployment.topic(spec.name()));
            totals.put(spec.name(), offsets == null ? -1 : CutoverOffsets.total(offsets));
        }
        StringBuilder text = new StringBuilder();
        totals.forEach((topic, total) -> text.append(text.isEmpty() ? "" : ", ").append(topic).append(' ')
                .append(total < 0 ? "(not replicated)" : total + " record(s)"));
        return text.toString();
    }

    private static String groupOffsets(KafkaRegion region, List<String> groupIds) {
        List<String> parts = new ArrayList<>();
        for (String group : groupIds) {
            try {
                long total = DownstreamGroup.total(region.admin().listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
                parts.add(group + " at " + total + (total == 0 ? ", none synced: earliest" : ""));
            } catch (Exception e) {
                parts.add(group + ": " + e.getMessage());
            }
        }
        return String.join(", ", parts);
    }

    /** A consumer of its own for the arrivals: read_committed, no group of the pipeline's, nothing committed. */
    private static KafkaConsumer<byte[], byte[]> arrivalsConsumer(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-harness-arrivals-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
