package dev.pipelineharness.cloud;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.config.HarnessNames;
import dev.pipelineharness.cloud.control.CloudControl;
import dev.pipelineharness.cloud.control.ClusterLinkFailover;
import dev.pipelineharness.cloud.failover.CloudRegionFailover;
import dev.pipelineharness.cloud.failover.FailoverSubject;
import dev.pipelineharness.cloud.failover.KafkaClientsRegionKafka;
import dev.pipelineharness.cloud.failover.RegionKafka;
import dev.pipelineharness.cloud.failover.StatementToMove;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.RecordedCall;
import dev.pipelineharness.cloud.kafka.ClusterLinkClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * {@code topology: cloud}: targets the Confluent Cloud environment and AWS resources the user's
 * Terraform made; creates nothing shared. {@link #start()} only proves, with reads, that every
 * configured key works. Each scenario deploys into its own harness-prefixed namespace, and
 * {@link #close()} (also from the engine's shutdown hook) removes every deployment still open.
 */
final class CloudTopology implements Topology, TopologyControl, ClusterLinkFailover {

    private final TopologySettings settings;
    private final CloudConfig config;
    private final Instant runStart = Instant.now();
    private final List<CloudDeployment> open = new CopyOnWriteArrayList<>();
    private CloudServices services;
    private CloudEndpoints endpoints;
    private CloudControl control;
    private volatile boolean closed;
    private final Function<Function<String, KafkaEndpoint>, RegionKafka> regionKafka;
    /** With two regions and a cluster link: the region failover drill; else null. */
    private final CloudRegionFailover regionFailover;
    private CloudRegionFailover.Parts failoverParts;

    CloudTopology(TopologySettings settings, CloudConfig config) {
        this(settings, config, KafkaClientsRegionKafka::new);
    }

    /** @param regionKafka makes the drill's Kafka-protocol side from the regions' endpoints (tests pass a fake) */
    CloudTopology(TopologySettings settings, CloudConfig config,
                  Function<Function<String, KafkaEndpoint>, RegionKafka> regionKafka) {
        this.settings = settings;
        this.config = config;
        this.regionKafka = regionKafka;
        List<String> regions = config.regions();
        this.regionFailover = regions.size() > 1 && config.value(CloudKeys.LINK_NAME).isPresent()
                ? new CloudRegionFailover(regions.get(0), regions.get(1), this::failoverParts, this::failoverSubject)
                : null;
    }

    @Override
    public String name() {
        return CloudTopologyProvider.NAME;
    }

    @Override
    public synchronized void start() {
        CloudTopologyProvider.unavailableReason(config).ifPresent(reason -> {
            throw new IllegalStateException("topology 'cloud' cannot start: " + reason);
        });
        services = new CloudServices(config, duration -> Thread.sleep(duration.toMillis()));
        // reads only: a wrong key fails here, naming its setting, before any scenario creates anything
        services.kafka.values().forEach(kafka -> kafka.describeCluster());
        services.flink.check();
        services.connect.list();
        services.computePool.awaitProvisioned(config.text(CloudKeys.FLINK_COMPUTE_POOL), settings.startTimeout());
        Map<String, KafkaEndpoint> kafka = new LinkedHashMap<>();
        services.regions.forEach(region -> kafka.put(region, services.kafkaEndpoint(region)));
        endpoints = new CloudEndpoints(services.regions, kafka, services.postgres, services.dynamoDb,
                services.registry.map(registry -> registry.url()), services.registryCredentials);
        control = new CloudControl(services.connect, services.flink, services.rds,
                config.value(CloudKeys.RDS_INSTANCE_ID), config.value(CloudKeys.RDS_CLUSTER_ID), services.guard,
                deployment -> deployment instanceof CloudDeployment cloud ? Optional.of(cloud.owned()) : Optional.empty(),
                settings.startTimeout());
    }

    @Override
    public Endpoints endpoints() {
        requireStarted();
        return endpoints;
    }

    /** What the control offers, and {@code region-outage} with two regions and a cluster link. */
    @Override
    public Set<String> supportedFaults() {
        if (regionFailover == null) {
            return faultKinds();
        }
        Set<String> kinds = new java.util.TreeSet<>(faultKinds());
        kinds.add(RegionFailover.FAULT_KIND);
        return Set.copyOf(kinds);
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == ClusterLinkFailover.class && config.regions().size() < 2) {
            return Optional.empty(); // no DR region, nothing to fail over to
        }
        if (type == RegionFailover.class) {
            return Optional.ofNullable(regionFailover).map(type::cast);
        }
        return Topology.super.capability(type);
    }

    private synchronized CloudRegionFailover.Parts failoverParts() {
        requireStarted();
        if (failoverParts == null) {
            failoverParts = new CloudRegionFailover.Parts(services.link.orElseThrow(), this, services.guard, services.http,
                    services.wait, services.flink, services.drFlink, services.drFlinkMissing,
                    regionKafka.apply(endpoints::kafka), settings.startTimeout());
        }
        return failoverParts;
    }

    private FailoverSubject failoverSubject(Deployment deployment) {
        CloudDeployment cloud = unwrap(deployment);
        return new FailoverSubject() {
            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public List<String> mirrorTopics() {
                return cloud.mirrorTopics();
            }

            @Override
            public List<StatementToMove> continuousStatements() {
                return cloud.continuousStatements();
            }

            @Override
            public void removeOnClose(Cleanup cleanup) {
                cloud.removeOnClose(cleanup);
            }
        };
    }

    @Override
    public Deployment deploy(PipelineDefinition pipeline, Namespace namespace) throws Exception {
        requireStarted();
        Namespace cloudNamespace = HarnessNames.cloudNamespace(namespace, runStart);
        CloudDeployment deployment = CloudDeployment.deploy(services, endpoints, pipeline, cloudNamespace,
                settings.startTimeout());
        if (services.http.planning()) {
            if (regionFailover != null) {
                regionFailover.plan(deployment, settings.startTimeout());
            }
            deployment.close();
            Path plan = writePlan();
            List<RecordedCall> calls = services.http.log().calls();
            long planned = calls.stream().filter(call -> !call.sent()).count();
            throw new PlanModeStop("plan mode: " + calls.size() + " calls written to " + plan + " (" + planned
                    + " that would create, change or delete, not made; the rest read-only lookups); nothing was "
                    + "created, so pipeline '" + pipeline.name() + "' was not run or checked (" + CloudKeys.PLAN + "=true)");
        }
        open.add(deployment);
        return new TrackedDeployment(deployment, () -> open.remove(deployment));
    }

    /** The calls made (or, in plan mode, planned) so far, secrets masked. */
    CallLog calls() {
        requireStarted();
        return services.http.log();
    }

    Path planFile() {
        return Path.of(config.text(CloudKeys.PLAN_FILE, settings.workDirectory().resolve("cloud-plan.txt").toString()));
    }

    private synchronized Path writePlan() throws IOException {
        Path file = planFile();
        services.http.log().write(file);
        return file;
    }

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        requireStarted();
        return control.components(deployment instanceof TrackedDeployment tracked ? tracked.delegate() : deployment);
    }

    @Override
    public List<ComponentControl> sharedComponents() {
        requireStarted();
        return control.sharedComponents();
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return List.of();
    }

    /**
     * Before start the database's configuration is not yet read, so {@code postgres} is accepted and
     * refused at run time (naming the missing RDS settings) if none is configured.
     */
    @Override
    public Set<String> componentNames() {
        return control != null ? control.componentNames() : Set.of("flink", "postgres");
    }

    @Override
    public boolean hasComponent(String name) {
        return componentNames().contains(name) || name.startsWith("connect.") && name.length() > "connect.".length();
    }

    @Override
    public Set<String> linkNames() {
        return Set.of();
    }

    @Override
    public dev.pipelineharness.api.control.Scope scopeOf(String name) {
        return "postgres".equals(name) ? dev.pipelineharness.api.control.Scope.SHARED
                : dev.pipelineharness.api.control.Scope.DEPLOYMENT;
    }

    /** Known before start: what a deployment's connectors and statements offer (see {@link CloudControl}). */
    @Override
    public Set<ComponentOperation> componentOperations() {
        return Set.of(ComponentOperation.PAUSE, ComponentOperation.RESTART);
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return Set.of();
    }

    CloudControl control() {
        requireStarted();
        return control;
    }

    @Override
    public String drRegion() {
        List<String> regions = config.regions();
        return regions.size() > 1 ? regions.get(1) : "";
    }

    @Override
    public FailoverEvidence failover(Deployment deployment, Duration timeout) {
        requireStarted();
        ClusterLinkClient link = services.link.orElseThrow(() -> new IllegalStateException(
                "failover needs a DR region: set pipeline-harness.cloud.regions=east,west and pipeline-harness.cloud.link.name"));
        CloudDeployment cloud = unwrap(deployment);
        String operation = "failing over the mirror topics of link " + link.link() + " to " + drRegion();
        boolean planning = services.http.planning();
        if (planning) {
            // a plan changes nothing: it records what a live run's guard would say
            services.http.log().note("GUARD", operation, services.guard.permits() ? "allowed"
                    : "a live run would refuse it: set both allowances (docs/failover-drills.md)");
        } else {
            services.guard.check(operation);
        }
        Map<String, Long> lags = new LinkedHashMap<>();
        Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();
        for (String topic : cloud.mirrorTopics()) {
            if (planning) {
                // the mirrors a plan only planned do not exist
                services.http.log().note("GET", link.destination().restEndpoint() + " mirror " + topic,
                        "read mirror_lags and last_source_fetch_offset: the RPO evidence at cutover");
                continue;
            }
            ClusterLinkClient.MirrorState state = link.mirror(topic);
            lags.put(topic, state.totalLag());
            offsets.put(topic, Map.copyOf(state.fetchedOffsets()));
        }
        Instant requested = Instant.now();
        link.failover(cloud.mirrorTopics(), timeout);
        return new FailoverEvidence(link.link(), requested, Instant.now(), lags, offsets);
    }

    private static CloudDeployment unwrap(Deployment deployment) {
        if (deployment instanceof TrackedDeployment tracked) {
            return tracked.delegate();
        }
        if (deployment instanceof CloudDeployment cloud) {
            return cloud;
        }
        throw new IllegalArgumentException("not a deployment of the cloud topology: " + deployment);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CloudDeployment deployment : open) {
            try {
                deployment.close();
            } catch (RuntimeException e) {
                System.err.println("pipeline-harness: cloud cleanup of " + deployment.namespace().prefix()
                        + " incomplete: " + (services == null ? e.getMessage() : services.http.masker().mask(e.getMessage())));
            }
        }
        open.clear();
    }

    private void requireStarted() {
        if (services == null) {
            throw new IllegalStateException("The cloud topology is not started");
        }
    }
}
