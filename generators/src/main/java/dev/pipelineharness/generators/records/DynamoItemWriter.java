package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.interaction.DynamoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts rows as items into a DynamoDB table of the pipeline, in {@code BatchWriteItem}s of up to 25
 * ({@link DynamoWriter}, whose client setup and retries of unprocessed items it shares). A row is
 * recorded (and, with ledger settings, written in the ledger) when its batch is sent, and counts as
 * acknowledged once DynamoDB accepted the whole batch.
 */
final class DynamoItemWriter implements TargetWriter {

    private static final int BATCH = 25;

    private final RecordTarget target;
    private final GeneratedRows rows;
    private final LedgeredWrites ledgered;
    private final DynamoItems items;
    private final DynamoWriter writer;
    private final List<RowChange> pending = new ArrayList<>();
    private long accepted;

    DynamoItemWriter(RecordTarget target, Deployment deployment, GeneratedRows rows, LedgeredWrites ledgered) {
        DynamoDbEndpoint endpoint = deployment.endpoints().dynamoDb().orElseThrow(() -> new IllegalStateException(
                "writing " + target + " needs DynamoDB, but this topology has none"));
        DynamoTableSpec spec = target.dynamoTable().orElseThrow();
        this.target = target;
        this.rows = rows;
        this.ledgered = ledgered;
        this.items = new DynamoItems(spec);
        this.writer = new DynamoWriter(endpoint, deployment.dynamoTable(target.name()));
    }

    @Override
    public void write(RowChange change) throws Exception {
        pending.add(change);
        if (pending.size() >= BATCH) {
            finish();
        }
    }

    @Override
    public void finish() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        List<RowChange> batch = List.copyOf(pending);
        pending.clear();
        long[] ordinals = new long[batch.size()];
        long[] sequences = new long[batch.size()];
        List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> puts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            puts.add(items.item(batch.get(i).row()));
            sequences[i] = rows.append(target.name(), batch.get(i).op(), batch.get(i).row());
            ordinals[i] = ledgered.written(batch.get(i).row());
        }
        writer.putItemBatches(puts, accepted -> {
            for (int i = 0; i < batch.size(); i++) {
                rows.acknowledged(target.name(), sequences[i]);
                ledgered.acknowledged(ordinals[i]);
            }
            this.accepted += batch.size();
        });
    }

    @Override
    public long acknowledged() {
        return accepted;
    }

    @Override
    public void close() {
        writer.close();
    }
}
