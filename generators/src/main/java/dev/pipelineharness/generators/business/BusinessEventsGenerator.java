package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.ValuePools;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.generators.write.RegionalKafkaWriter;
import dev.pipelineharness.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Produces a {@link BusinessEventSequence} into the raw topic, paced, recording each record in the
 * ledger (with its filtered topic as destination, or nowhere for poison) and in
 * {@link GeneratedBusinessEvents}.
 */
final class BusinessEventsGenerator implements Generator {

    private final BusinessEventShape shape;

    BusinessEventsGenerator(BusinessEventShape shape) {
        this.shape = shape;
    }

    @Override
    public String describe() {
        return "business-events: " + shape.pacing() + " into " + shape.topic();
    }

    @Override
    public void generate(GenerationContext context) throws Exception {
        Deployment deployment = context.deployment();
        Ledger ledger = context.store().computeIfAbsent(Ledger.class, Ledger::new);
        GeneratedBusinessEvents generated = context.store().computeIfAbsent(GeneratedBusinessEvents.class,
                GeneratedBusinessEvents::new);
        Map<EventType, Integer> destinations = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            destinations.put(type, ledger.destination(type.filteredTopic()));
        }
        long planned = shape.pacing().plannedCount();
        long base = ledger.reserve(planned);
        ledger.source(shape.topic());
        // a failover runbook (region-outage) may move the producers mid-run; without one this writes to the primary region
        RegionSwitch regionSwitch = context.store().computeIfAbsent(RegionSwitch.class, RegionSwitch::new);
        BusinessEventSequence sequence = new BusinessEventSequence(shape, context.seed(), ValuePools.forSeed(context.seed()), base);
        String topic = deployment.topic(shape.topic());
        String format = deployment.pipeline().topic(shape.topic()).map(TopicSpec::format).orElse("json");
        long sent = 0;
        try (EventEncoder encoder = EventEncoders.forFormat(format, deployment);
             RegionalKafkaWriter writer = new RegionalKafkaWriter(deployment.endpoints(), ledger,
                     deployment.namespace().prefix() + "business-events", regionSwitch, base, base + planned)) {
            Pacer pacer = new Pacer(shape.pacing());
            dev.pipelineharness.generators.EventTimeCoverage times = shape.times().coverage();
            Map<String, Long> coverage = new java.util.TreeMap<>();
            long previousOrdinal = -1;
            RawRecord record;
            while (pacer.acquire() && (record = sequence.next()) != null) {
                int destination = record.malformed() ? Ledger.NOWHERE : destinations.get(record.event().type());
                ledger.plan(record.ordinal(), record.key().hashCode(), destination);
                byte[] value = record.malformed() ? record.poisonValue() : encoder.encode(topic, record.event());
                writer.send(topic, record.key().getBytes(StandardCharsets.UTF_8), value, record.ordinal());
                generated.add(record);
                sent++;
                if (record.ordinal() == previousOrdinal) {
                    coverage.merge("duplicates", 1L, Long::sum);
                } else if (record.malformed()) {
                    coverage.merge("poison." + record.poisonKind(), 1L, Long::sum);
                } else {
                    times.record(record.event().eventTime());
                    if (record.event().payload() instanceof Payload.Absent) {
                        coverage.merge("without-payload", 1L, Long::sum);
                    }
                }
                previousOrdinal = record.ordinal();
            }
            writer.flush();
            context.publish("business-events.sent", Long.toString(sent));
            context.publish("business-events.acknowledged", Long.toString(writer.acknowledged()));
            context.publish("business-events.failed", Long.toString(writer.failed()));
            if (!writer.region().equals(deployment.endpoints().primaryRegion())) {
                context.publish("business-events.moved-to", writer.region());
                context.publish("business-events.abandoned", Long.toString(writer.abandoned()));
            }
            coverage.putIfAbsent("duplicates", 0L);
            if (shape.withoutPayload() > 0) {
                coverage.putIfAbsent("without-payload", 0L);
            }
            times.figures().forEach((name, value) -> coverage.put(name, value));
            coverage.forEach((name, value) -> context.publish("coverage." + name, Long.toString(value)));
            context.publish("business-events.rate", String.format(java.util.Locale.ROOT, "%.0f/s",
                    sent / Math.max(1e-9, pacer.elapsedNanos() / 1e9)));
            if (sent > 0 && writer.acknowledged() == 0) {
                throw new IllegalStateException("no record of " + sent + " was acknowledged by Kafka at "
                        + deployment.endpoints().kafka(writer.region()).bootstrapServers(), writer.firstFailure());
            }
        }
    }
}
