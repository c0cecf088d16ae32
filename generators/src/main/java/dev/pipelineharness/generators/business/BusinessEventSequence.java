package dev.pipelineharness.generators.business;

import dev.pipelineharness.generators.Json;
import dev.pipelineharness.generators.ValuePools;
import dev.pipelineharness.generators.Zipf;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The records of one {@code business-events} entry, in write order, computed from the shape and the
 * seed alone: the same inputs give the same records (and bytes) on every machine. Exact duplicates
 * follow their original immediately and carry the same ordinal.
 */
public final class BusinessEventSequence {

    static final List<String> LOAN_STATUSES = List.of("APPLIED", "APPROVED", "REJECTED", "FUNDED");
    static final List<String> SERVICE_KINDS = List.of("OIL_CHANGE", "TIRE_ROTATION", "BRAKE_SERVICE",
            "INSPECTION", "BATTERY_REPLACEMENT", "DETAILING", "ENGINE_DIAGNOSTICS");
    static final int[] LOAN_TERMS = {12, 24, 36, 48, 60, 72, 120, 240, 360};
    /** Values of {@code channel}, the field schema version 2 adds. */
    static final List<String> CHANNELS = List.of("web", "mobile", "branch", "partner");

    private final BusinessEventShape shape;
    private final ValuePools pools;
    private final SplittableRandom random;
    private final long seedTag;
    private final long baseOrdinal;
    private final Map<EventType, Zipf> keyPickers = new EnumMap<>(EventType.class);
    private long index;
    private RawRecord pendingDuplicate;

    /**
     * @param baseOrdinal the first ledger ordinal reserved for this sequence ({@code plannedCount} are)
     */
    public BusinessEventSequence(BusinessEventShape shape, long seed, ValuePools pools, long baseOrdinal) {
        this.shape = shape;
        this.pools = pools;
        this.random = new SplittableRandom(seed);
        this.seedTag = new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong();
        this.baseOrdinal = baseOrdinal;
        for (EventType type : EventType.values()) {
            keyPickers.put(type, new Zipf(shape.keys(), shape.skew()));
        }
    }

    /** The next record to write, or null after the planned count (duplicates included). */
    public RawRecord next() {
        if (pendingDuplicate != null) {
            RawRecord duplicate = pendingDuplicate;
            pendingDuplicate = null;
            return duplicate;
        }
        long count = shape.pacing().plannedCount();
        if (index >= count) {
            return null;
        }
        long ordinal = baseOrdinal + index;
        long eventTime = shape.times().eventTime(index, count, random);
        long position = index++;
        EventType type = shape.mix().pick(random);
        int entity = keyPickers.get(type).next(random);
        int version = shape.schemaVersionAt(position, random);
        // drawn only for version 2, so that version 1 data stays what it was before version 2 existed
        String channel = version >= 2 ? CHANNELS.get(random.nextInt(CHANNELS.size())) : null;
        Payload payload = payload(type, entity);
        // drawn only when asked for, so that other scenarios' data stays what it was
        if (shape.withoutPayload() > 0 && random.nextDouble() < shape.withoutPayload()) {
            payload = Payload.NONE;
        }
        BusinessEvent event = new BusinessEvent(ordinal, BusinessEvent.eventId(seedTag, ordinal), type,
                type.entityId(entity), eventTime, version, channel, payload);
        RawRecord record = random.nextDouble() < shape.malformed() ? poison(event) : RawRecord.wellFormed(event);
        if (random.nextDouble() < shape.duplicates()) {
            pendingDuplicate = record;
        }
        return record;
    }

    private Payload payload(EventType type, int entity) {
        return switch (type) {
            case LOAN -> new Payload.Loan(random.nextLong(100_000, 50_000_001), LOAN_TERMS[random.nextInt(LOAN_TERMS.length)],
                    random.nextInt(200, 1201), LOAN_STATUSES.get(random.nextInt(LOAN_STATUSES.size())));
            case CAR -> {
                // one car keeps its VIN, make and model across events; only the price varies
                int model = Math.floorMod(entity * 31 + 7, 256) % 256;
                yield new Payload.Car(pools.vinOf(entity), pools.make(model), pools.model(model),
                        random.nextLong(500_000, 12_000_001));
            }
            case SERVICE -> new Payload.Service(SERVICE_KINDS.get(random.nextInt(SERVICE_KINDS.size())),
                    random.nextLong(2_999, 250_001), pools.city(random));
        };
    }

    private RawRecord poison(BusinessEvent event) {
        List<BusinessEventShape.PoisonKind> kinds = shape.poisonKinds();
        BusinessEventShape.PoisonKind kind = kinds.get(random.nextInt(kinds.size()));
        String payload = event.payload().toJson();
        String value = switch (kind) {
            case NOT_JSON -> {
                String whole = event.toJson();
                yield whole.substring(0, whole.length() / 2);
            }
            case NOT_AN_OBJECT -> "[\"" + event.eventId() + "\",\"" + event.type().wireName() + "\"]";
            case MISSING_EVENT_ID -> Json.object().field("event_type", event.type().wireName())
                    .field("entity_id", event.entityId()).field("event_time", event.eventTime())
                    .field("schema_version", event.schemaVersion()).raw("payload", payload).end();
            case MISSING_EVENT_TYPE -> Json.object().field("event_id", event.eventId())
                    .field("entity_id", event.entityId()).field("event_time", event.eventTime())
                    .field("schema_version", event.schemaVersion()).raw("payload", payload).end();
            case UNKNOWN_EVENT_TYPE -> withType(event, "mortgage");
            case WRONG_CASE_EVENT_TYPE -> withType(event, event.type().wireName().toUpperCase(java.util.Locale.ROOT));
        };
        return RawRecord.poison(event.ordinal(), event.entityId(), value, kind.settingName());
    }

    private static String withType(BusinessEvent event, String type) {
        return Json.object().field("event_id", event.eventId()).field("event_type", type)
                .field("entity_id", event.entityId()).field("event_time", event.eventTime())
                .field("schema_version", event.schemaVersion()).raw("payload", event.payload().toJson()).end();
    }
}
