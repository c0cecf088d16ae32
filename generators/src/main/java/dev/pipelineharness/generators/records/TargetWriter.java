package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.generators.RowChange;

/**
 * Writes rows to a {@link RecordTarget} and records each in {@link GeneratedRows} once it counts:
 * committed by PostgreSQL, acknowledged by Kafka; and, with ledger settings, in the scenario's
 * ledger ({@link LedgeredWrites}).
 */
interface TargetWriter extends AutoCloseable {

    void write(RowChange change) throws Exception;

    /** Commits or flushes what is pending; afterwards every row written is recorded. */
    void finish() throws Exception;

    /** How many rows were committed or acknowledged. */
    long acknowledged();

    static TargetWriter open(RecordTarget target, Deployment deployment, GeneratedRows rows, LedgeredWrites ledgered,
                             int commitEvery, String clientId) throws Exception {
        rows.target(target.name(), target.kind(), target.keyColumns());
        if (target.isDynamoTable()) {
            return new DynamoItemWriter(target, deployment, rows, ledgered);
        }
        return target.isTable() ? new TableWriter(target, deployment, rows, ledgered, commitEvery)
                : new TopicWriter(target, deployment, rows, ledgered, clientId);
    }
}
