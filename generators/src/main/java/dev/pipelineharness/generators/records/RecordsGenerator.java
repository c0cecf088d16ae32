package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.RowChange;

/**
 * Writes a {@link RecordSequence} to its target, paced, and publishes what was written and what the
 * input exercised ({@code coverage.*}).
 */
final class RecordsGenerator implements Generator {

    private final RecordsShape shape;

    RecordsGenerator(RecordsShape shape) {
        this.shape = shape;
    }

    @Override
    public String describe() {
        return "records: " + shape.pacing() + " into " + shape.target();
    }

    @Override
    public void generate(GenerationContext context) throws Exception {
        GeneratedRows rows = context.store().computeIfAbsent(GeneratedRows.class, GeneratedRows::new);
        RecordSequence sequence = new RecordSequence(shape, context.seed());
        long written = 0;
        LedgeredWrites ledgered = LedgeredWrites.of(shape.ledger(), shape.target(), context.store());
        try (TargetWriter writer = TargetWriter.open(shape.target(), context.deployment(), rows, ledgered, shape.commitEvery(),
                context.deployment().namespace().prefix() + "records-" + shape.target().name())) {
            Pacer pacer = new Pacer(shape.pacing());
            while (written < shape.pacing().plannedCount() && pacer.acquire()) {
                RowChange change = sequence.next();
                writer.write(change);
                written++;
            }
            writer.finish();
            context.publish("written", Long.toString(written));
            context.publish("acknowledged", Long.toString(writer.acknowledged()));
        }
        sequence.coverage().forEach((name, value) -> context.publish("coverage." + name, Long.toString(value)));
    }
}
