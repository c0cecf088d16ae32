package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Whom a fault on a component or link disturbs. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Scope {
    /**
     * Shared by every scenario running on the topology (a broker, the Connect worker, PostgreSQL): a
     * scenario that faults it runs alone, and the topology must be ready again before the next starts.
     */
    SHARED,
    /** Owned by one scenario's deployment (its Flink job, its connectors): a fault on it disturbs that scenario only. */
    DEPLOYMENT
}
