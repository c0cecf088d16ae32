package dev.pipelineharness.generators;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.write.JdbcBatchWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a computed list of {@link RowChange}s into the deployment's PostgreSQL schema in committed
 * batches and records each committed group in {@link GeneratedRowChanges}, so only what PostgreSQL
 * committed is expected downstream.
 */
public final class RowChangesGenerator implements Generator {

    private final String name;
    private final String description;
    private final int commitEvery;
    private final Function<Long, List<RowChange>> changesForSeed;

    /**
     * @param name        the generator's name, prefix of the figures it publishes ({@code entity-changes.committed})
     * @param description what it makes, for reports
     */
    public RowChangesGenerator(String name, String description, int commitEvery,
                               Function<Long, List<RowChange>> changesForSeed) {
        this.name = name;
        this.description = description;
        this.commitEvery = commitEvery;
        this.changesForSeed = changesForSeed;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void generate(GenerationContext context) throws Exception {
        Deployment deployment = context.deployment();
        JdbcEndpoint endpoint = deployment.endpoints().postgres().orElseThrow(() -> new IllegalStateException(
                description + " needs PostgreSQL, but this topology has none"));
        GeneratedRowChanges generated = context.store().computeIfAbsent(GeneratedRowChanges.class, GeneratedRowChanges::new);
        List<RowChange> changes = changesForSeed.apply(context.seed());
        try (JdbcBatchWriter writer = new JdbcBatchWriter(endpoint, deployment.postgresSchema(), commitEvery)) {
            writer.apply(changes, generated::addAll);
        }
        context.publish(name + ".committed", Integer.toString(changes.size()));
        java.util.Map<RowChange.Op, Long> byOp = new java.util.EnumMap<>(RowChange.Op.class);
        changes.forEach(change -> byOp.merge(change.op(), 1L, Long::sum));
        for (RowChange.Op op : RowChange.Op.values()) {
            context.publish("coverage." + op.name().toLowerCase(java.util.Locale.ROOT) + "s",
                    Long.toString(byOp.getOrDefault(op, 0L)));
        }
    }
}
