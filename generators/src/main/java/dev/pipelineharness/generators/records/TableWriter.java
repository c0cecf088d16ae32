package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.write.JdbcBatchWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits changes to a table in groups of {@code commitEvery}, so CDC sees real multi-row
 * transactions; with ledger settings each change is written in the ledger when its group is handed
 * to PostgreSQL and acknowledged when the group's transaction committed.
 */
final class TableWriter implements TargetWriter {

    private final RecordTarget target;
    private final GeneratedRows rows;
    private final LedgeredWrites ledgered;
    private final int commitEvery;
    private final JdbcBatchWriter writer;
    private final List<RowChange> pending = new ArrayList<>();
    private long committed;

    TableWriter(RecordTarget target, Deployment deployment, GeneratedRows rows, LedgeredWrites ledgered, int commitEvery)
            throws Exception {
        JdbcEndpoint endpoint = deployment.endpoints().postgres().orElseThrow(() -> new IllegalStateException(
                "writing " + target + " needs PostgreSQL, but this topology has none"));
        this.target = target;
        this.rows = rows;
        this.ledgered = ledgered;
        this.commitEvery = commitEvery;
        this.writer = new JdbcBatchWriter(endpoint, deployment.postgresSchema(), commitEvery);
    }

    @Override
    public void write(RowChange change) throws Exception {
        pending.add(change);
        if (pending.size() >= commitEvery) {
            finish();
        }
    }

    @Override
    public void finish() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        // handed to PostgreSQL now; acknowledged group by group as each transaction commits, in order
        long[] ordinals = new long[pending.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = ledgered.written(pending.get(i).row());
        }
        int[] next = {0};
        writer.apply(List.copyOf(pending), group -> {
            rows.appendCommitted(target.name(), group);
            for (int i = 0; i < group.size(); i++) {
                ledgered.acknowledged(ordinals[next[0]++]);
            }
            committed += group.size();
        });
        pending.clear();
    }

    @Override
    public long acknowledged() {
        return committed;
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }
}
