package dev.pipelineharness.cloud.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.cloud.aws.RdsClient;
import dev.pipelineharness.cloud.connect.ManagedConnectClient;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What faults can do on the cloud, through its APIs: a deployment's connectors ({@code connect.<name>},
 * pause / restart) and Flink statements ({@code flink}, pause = stop, restart = stop then resume),
 * and, when an RDS instance or Aurora cluster is configured, {@code postgres} (restart = reboot with
 * failover, guarded). Managed brokers cannot be killed or paused and links cannot be shaped, so
 * {@code kill}, {@code link-*} are not offered: scenarios asking for them are skipped.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudControl implements TopologyControl {

    /** What one deployment owns, as the control needs it. */
    public record Owned(Map<String, String> connectors, List<String> runningStatements) {
    }

    private final ManagedConnectClient connect;
    private final FlinkStatementsClient flink;
    private final Optional<DatabaseComponent> database;
    private final DestructiveGuard guard;
    private final Function<Deployment, Optional<Owned>> owned;
    private final Duration stateTimeout;

    /**
     * @param database the RDS client and the id of the instance or cluster, if configured
     * @param owned    finds what a deployment of this topology owns
     */
    public CloudControl(ManagedConnectClient connect, FlinkStatementsClient flink, Optional<RdsClient> rds,
                        Optional<String> rdsInstanceId, Optional<String> auroraClusterId, DestructiveGuard guard,
                        Function<Deployment, Optional<Owned>> owned, Duration stateTimeout) {
        this.connect = connect;
        this.flink = flink;
        this.guard = guard;
        this.owned = owned;
        this.stateTimeout = stateTimeout;
        if (rds.isPresent() && auroraClusterId.isPresent()) {
            this.database = Optional.of(new DatabaseComponent(rds.get(), auroraClusterId.get(), true, guard));
        } else if (rds.isPresent() && rdsInstanceId.isPresent()) {
            this.database = Optional.of(new DatabaseComponent(rds.get(), rdsInstanceId.get(), false, guard));
        } else {
            this.database = Optional.empty();
        }
    }

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        List<ComponentControl> components = new ArrayList<>();
        database.ifPresent(components::add);
        owned.apply(deployment).ifPresent(parts -> {
            parts.connectors().forEach((logical, physical) -> components.add(
                    new ConnectorComponent("connect." + logical, physical, connect, guard, stateTimeout)));
            if (!parts.runningStatements().isEmpty()) {
                components.add(new FlinkStatementsComponent(parts.runningStatements(), flink, stateTimeout));
            }
        });
        return List.copyOf(components);
    }

    /** A connector the run did not create, by its name in the environment: shared, so guarded. */
    public ComponentControl sharedConnector(String connectorName) {
        return new ConnectorComponent("connect." + connectorName, connectorName, connect, guard, stateTimeout);
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return List.of();
    }

    /** Only the database is shared; connectors and statements belong to the deployment that made them. */
    @Override
    public List<ComponentControl> sharedComponents() {
        return database.<List<ComponentControl>>map(List::of).orElse(List.of());
    }

    /** The fixed names; {@code connect.<connector>} follows the pipeline's connector files ({@link #hasComponent}). */
    @Override
    public Set<String> componentNames() {
        return database.isPresent() ? Set.of("flink", "postgres") : Set.of("flink");
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
    public Scope scopeOf(String name) {
        return "postgres".equals(name) ? Scope.SHARED : Scope.DEPLOYMENT;
    }

    @Override
    public Set<ComponentOperation> componentOperations() {
        return Set.of(ComponentOperation.PAUSE, ComponentOperation.RESTART);
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return Set.of();
    }
}
