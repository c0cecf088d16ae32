package dev.pipelineharness.cloud.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.cloud.aws.RdsClient;
import java.time.Duration;
import java.util.Set;

/**
 * The shared PostgreSQL ({@code postgres}) as a component: {@code restart} is an RDS reboot with
 * failover (Multi-AZ instance) or an Aurora cluster failover, refused unless the
 * {@link DestructiveGuard} permits it; readiness is the instance or cluster {@code available}.
 */
final class DatabaseComponent implements ComponentControl {

    private final RdsClient rds;
    private final String id;
    private final boolean aurora;
    private final DestructiveGuard guard;

    DatabaseComponent(RdsClient rds, String id, boolean aurora, DestructiveGuard guard) {
        this.rds = rds;
        this.id = id;
        this.aurora = aurora;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Scope scope() {
        return Scope.SHARED;
    }

    @Override
    public Set<ComponentOperation> operations() {
        return Set.of(ComponentOperation.RESTART);
    }

    @Override
    public String readiness() {
        return (aurora ? "Aurora cluster " : "RDS instance ") + id + " is available";
    }

    @Override
    public ComponentState state() {
        String status = aurora ? rds.clusterStatus(id) : rds.instanceStatus(id);
        return "available".equals(status) ? ComponentState.RUNNING : ComponentState.STOPPED;
    }

    @Override
    public void restart(Duration timeout) {
        guard.check(aurora ? "failing over Aurora cluster " + id : "rebooting RDS instance " + id + " with failover");
        if (aurora) {
            rds.failoverCluster(id);
        } else {
            rds.rebootWithFailover(id);
        }
        awaitReady(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) {
        rds.awaitAvailable(id, aurora, timeout);
    }
}
