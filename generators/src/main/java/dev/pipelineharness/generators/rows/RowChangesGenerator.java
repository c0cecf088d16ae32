package dev.pipelineharness.generators.rows;

import dev.pipelineharness.generators.GeneratedRowChanges;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.write.JdbcBatchWriter;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    private double changesPerSecond;
    private Duration reconnectWithin = Duration.ZERO;

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

    /** Spaces the changes to {@code perSecond} (0: as fast as PostgreSQL commits them). */
    public RowChangesGenerator paced(double perSecond) {
        this.changesPerSecond = perSecond;
        return this;
    }

    /** Survives PostgreSQL going away for up to {@code within} (zero: a lost connection fails the generator). */
    public RowChangesGenerator reconnectingWithin(Duration within) {
        this.reconnectWithin = within;
        return this;
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
            if (!reconnectWithin.isZero()) {
                writer.surviving(reconnectWithin);
            }
            writer.apply(changes, generated::addAll,
                    new Pacer(new Pacing(changes.size(), Optional.empty(), changesPerSecond, Optional.empty())));
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
