package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.EventTimeShape;
import dev.pipelineharness.generators.Fractions;
import dev.pipelineharness.generators.Pacing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The settings of a {@code business-events} entry, validated. Every setting and its default:
 * <ul>
 *   <li>{@code count} (1000) or {@code duration} with {@code rate}; {@code rate} (unthrottled);
 *       {@code bursts: {every, for, rate}}</li>
 *   <li>{@code mix: {loan, service, car}} fractions summing to 1 (1/3 each)</li>
 *   <li>{@code keys} distinct entities per type (100); {@code skew} Zipf exponent over them (0 = uniform)</li>
 *   <li>{@code start-time}, {@code time-spread}, {@code out-of-order}, {@code max-disorder},
 *       {@code late}, {@code late-by}: see {@link EventTimeShape}</li>
 *   <li>{@code duplicates}: fraction of records written twice, identical (0)</li>
 *   <li>{@code malformed}: fraction of records that are poison (0), of the kinds in {@code poison-kinds}</li>
 *   <li>{@code schema-versions: {"1": f, "2": f}} (all version 1): versions mixed at random</li>
 *   <li>{@code schema-upgrade-at}: the producer is upgraded mid-stream: records from this index on
 *       (counting from 0) are schema version 2, the ones before it version 1 (no upgrade)</li>
 *   <li>{@code without-payload}: fraction of well-formed records written without a {@code payload}, as
 *       producers that have none to send do (0); routing passes them on with a null payload</li>
 *   <li>{@code topic}: logical topic (raw_business_events)</li>
 * </ul>
 */
public record BusinessEventShape(Pacing pacing, Fractions<EventType> mix, int keys, double skew,
                                 EventTimeShape times, double duplicates, double malformed,
                                 List<PoisonKind> poisonKinds, Fractions<Integer> schemaVersions, long schemaUpgradeAt,
                                 String topic, double withoutPayload) {

    public static final String DEFAULT_TOPIC = "raw_business_events";

    /** {@link #schemaUpgradeAt()} when the producer is never upgraded. */
    public static final long NO_UPGRADE = -1;

    /**
     * The schema version of the record at {@code index}: drawn from {@link #schemaVersions()}, or, for a
     * producer upgraded mid-stream, 1 before {@link #schemaUpgradeAt()} and 2 from it. The draw is made
     * either way, so records before an upgrade stay byte-identical to those of a run without one.
     */
    public int schemaVersionAt(long index, SplittableRandom random) {
        int drawn = schemaVersions.pick(random);
        if (schemaUpgradeAt == NO_UPGRADE) {
            return drawn;
        }
        return index >= schemaUpgradeAt ? 2 : 1;
    }

    /** The ways a poison record is malformed (docs/pipelines.md: what routing must skip). */
    public enum PoisonKind {
        NOT_JSON("not-json"),
        NOT_AN_OBJECT("not-an-object"),
        MISSING_EVENT_ID("missing-event-id"),
        MISSING_EVENT_TYPE("missing-event-type"),
        UNKNOWN_EVENT_TYPE("unknown-event-type"),
        WRONG_CASE_EVENT_TYPE("wrong-case-event-type");

        private final String settingName;

        PoisonKind(String settingName) {
            this.settingName = settingName;
        }

        public String settingName() {
            return settingName;
        }
    }

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("count", "duration", "rate", "bursts", "mix", "keys", "skew",
                "duplicates", "malformed", "poison-kinds", "schema-versions", "schema-upgrade-at", "topic",
                "without-payload"));
        keys.addAll(Arrays.asList(EventTimeShape.KEYS));
        KEYS = List.copyOf(keys);
    }

    public static BusinessEventShape from(Params params) {
        params.allowOnly(KEYS);
        Pacing pacing = Pacing.from(params);
        Fractions<EventType> mix = Fractions.from(params, "mix", List.of("loan", "service", "car"),
                List.of(EventType.LOAN, EventType.SERVICE, EventType.CAR),
                Map.of("loan", 1 / 3.0, "service", 1 / 3.0, "car", 1 / 3.0));
        int keys = params.intValue("keys", 100);
        if (keys <= 0 || keys > 1_000_000) {
            throw params.error("keys", "must be between 1 and 1000000, was " + keys);
        }
        double skew = params.decimal("skew", 0);
        if (skew < 0 || skew > 5) {
            throw params.error("skew", "must be a Zipf exponent between 0 (uniform) and 5, was " + skew);
        }
        EventTimeShape times = EventTimeShape.from(params);
        double duplicates = params.fraction("duplicates", 0);
        double malformed = params.fraction("malformed", 0);
        List<PoisonKind> kinds = new ArrayList<>();
        List<String> kindNames = Arrays.stream(PoisonKind.values()).map(PoisonKind::settingName).toList();
        for (String name : params.strings("poison-kinds", kindNames)) {
            PoisonKind kind = Arrays.stream(PoisonKind.values()).filter(k -> k.settingName.equals(name)).findFirst()
                    .orElseThrow(() -> params.error("poison-kinds", "'" + name + "' is not one of "
                            + String.join(", ", kindNames)));
            kinds.add(kind);
        }
        if (params.has("poison-kinds") && malformed == 0) {
            throw params.error("poison-kinds", "has no effect without 'malformed' (a fraction of records)");
        }
        if (kinds.isEmpty()) {
            throw params.error("poison-kinds", "must name at least one kind");
        }
        Fractions<Integer> versions = Fractions.from(params, "schema-versions", List.of("1", "2"), List.of(1, 2),
                Map.of("1", 1.0));
        long upgradeAt = NO_UPGRADE;
        if (params.has("schema-upgrade-at")) {
            if (params.has("schema-versions")) {
                throw params.error("schema-upgrade-at", "contradicts 'schema-versions': either versions are mixed at random"
                        + " or the producer is upgraded at one record, not both");
            }
            upgradeAt = params.longValue("schema-upgrade-at", 0);
            if (upgradeAt < 1 || upgradeAt >= pacing.plannedCount()) {
                throw params.error("schema-upgrade-at", "must be between 1 and " + (pacing.plannedCount() - 1)
                        + " (the planned " + pacing.plannedCount() + " records), so that both versions are written; was "
                        + upgradeAt);
            }
        }
        String topic = params.string("topic", DEFAULT_TOPIC);
        double withoutPayload = params.fraction("without-payload", 0);
        return new BusinessEventShape(pacing, mix, keys, skew, times, duplicates, malformed, List.copyOf(kinds),
                versions, upgradeAt, topic, withoutPayload);
    }
}
