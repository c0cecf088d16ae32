package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.write.JdbcBatchWriter;
import java.util.ArrayList;
import java.util.List;

/** Commits changes to a table in groups of {@code commitEvery}, so CDC sees real multi-row transactions. */
final class TableWriter implements TargetWriter {

    private final RecordTarget target;
    private final GeneratedRows rows;
    private final int commitEvery;
    private final JdbcBatchWriter writer;
    private final List<RowChange> pending = new ArrayList<>();
    private long committed;

    TableWriter(RecordTarget target, Deployment deployment, GeneratedRows rows, int commitEvery) throws Exception {
        JdbcEndpoint endpoint = deployment.endpoints().postgres().orElseThrow(() -> new IllegalStateException(
                "writing " + target + " needs PostgreSQL, but this topology has none"));
        this.target = target;
        this.rows = rows;
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
        writer.apply(List.copyOf(pending), group -> {
            rows.appendCommitted(target.name(), group);
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
