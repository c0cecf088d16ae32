package dev.pipelineharness.generators.entity;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.rows.RowChangesGenerator;
import dev.pipelineharness.generators.ValuePools;

/** {@code entity-changes}: inserts, updates and deletes of {@code loan_entities} / {@code car_entities}; see {@link EntityChangeShape}. */
public final class EntityChangesProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "entity-changes";
    }

    @Override
    public Generator create(Params params) {
        EntityChangeShape shape = EntityChangeShape.from(params);
        return new RowChangesGenerator(name(), "entity-changes: " + shape.count() + " changes of " + shape.tables(),
                shape.commitEvery(), seed -> EntityChangeSequence.generate(shape, seed, ValuePools.forSeed(seed)))
                .paced(shape.ratePerSecond()).reconnectingWithin(shape.reconnectWithin());
    }
}
