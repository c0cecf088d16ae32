package dev.pipelineharness.generators.reference;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.rows.RowChangesGenerator;
import dev.pipelineharness.generators.ValuePools;

/** {@code reference-data}: users, categories, items and reviews into PostgreSQL; see {@link ReferenceDataShape}. */
public final class ReferenceDataProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "reference-data";
    }

    @Override
    public Generator create(Params params) {
        ReferenceDataShape shape = ReferenceDataShape.from(params);
        return new RowChangesGenerator(name(), "reference-data: " + shape.users() + " users, " + shape.categories()
                + " categories, " + shape.items() + " items, " + shape.reviews() + " reviews",
                shape.commitEvery(), seed -> ReferenceDataSequence.generate(shape, seed, ValuePools.forSeed(seed)));
    }
}
