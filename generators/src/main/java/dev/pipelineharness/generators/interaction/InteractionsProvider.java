package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.Pacer;
import java.util.ArrayList;
import java.util.List;

/** {@code interactions}: purchases, clicks and views into {@code dev-user-personalization}; see {@link InteractionShape}. */
public final class InteractionsProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public Generator create(Params params) {
        return new InteractionsGenerator(InteractionShape.from(params));
    }

    static final class InteractionsGenerator implements Generator {

        private final InteractionShape shape;

        InteractionsGenerator(InteractionShape shape) {
            this.shape = shape;
        }

        @Override
        public String describe() {
            return "interactions: " + shape.pacing() + " into " + shape.table() + (shape.batch() ? " (batches)" : " (single writes)");
        }

        @Override
        public void generate(GenerationContext context) throws Exception {
            Deployment deployment = context.deployment();
            DynamoDbEndpoint endpoint = deployment.endpoints().dynamoDb().orElseThrow(() -> new IllegalStateException(
                    "interactions need DynamoDB, but this topology has none"));
            GeneratedInteractions generated = context.store().computeIfAbsent(GeneratedInteractions.class,
                    GeneratedInteractions::new);
            InteractionSequence sequence = new InteractionSequence(shape, context.seed());
            Pacer pacer = new Pacer(shape.pacing());
            dev.pipelineharness.generators.EventTimeCoverage purchases = shape.times().coverage();
            long written = 0;
            try (DynamoWriter writer = new DynamoWriter(endpoint, deployment.dynamoTable(shape.table()))) {
                List<Interaction> batch = new ArrayList<>();
                Interaction interaction;
                while (pacer.acquire() && (interaction = sequence.next()) != null) {
                    if (interaction.isPurchase()) {
                        purchases.record(interaction.timestamp());
                    }
                    if (shape.batch()) {
                        batch.add(interaction);
                        if (batch.size() == 25) {
                            writer.putBatches(batch, generated::addAll);
                            written += batch.size();
                            batch.clear();
                        }
                    } else {
                        writer.putSingle(interaction);
                        generated.add(interaction);
                        written++;
                    }
                }
                if (!batch.isEmpty()) {
                    writer.putBatches(batch, generated::addAll);
                    written += batch.size();
                }
            }
            context.publish("interactions.written", Long.toString(written));
            purchases.figures().forEach((name, value) -> context.publish("coverage.purchases." + name, Long.toString(value)));
        }
    }
}
