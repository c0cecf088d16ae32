package dev.pipelineharness.generators.business;

import dev.pipelineharness.generators.Json;

/**
 * One well-formed record of {@code raw_business_events} (docs/pipelines.md, section 1).
 *
 * @param ordinal the event's identity in the scenario's ledger; also encoded in {@link #eventId()}
 * @param channel where the event was captured; a field of schema version 2, null in version 1
 */
public record BusinessEvent(long ordinal, String eventId, EventType type, String entityId, long eventTime,
                            int schemaVersion, String channel, Payload payload) {

    /** A schema version 1 event (no channel). */
    public BusinessEvent(long ordinal, String eventId, EventType type, String entityId, long eventTime,
                         int schemaVersion, Payload payload) {
        this(ordinal, eventId, type, entityId, eventTime, schemaVersion, null, payload);
    }

    /**
     * A UUID-shaped id whose last 12 hex digits are the ledger ordinal, so a check maps an observed
     * record back to its ledger entry without a lookup table; the leading part varies with the seed.
     */
    public static String eventId(long seedTag, long ordinal) {
        // hand-formatted: String.format would cost more than generating the rest of the event
        char[] id = new char[36];
        hex(id, 0, (seedTag >>> 32) & 0xffffffffL, 8);
        id[8] = '-';
        hex(id, 9, (seedTag >>> 16) & 0xffff, 4);
        id[13] = '-';
        id[14] = '4';
        hex(id, 15, (seedTag >>> 4) & 0xfff, 3);
        id[18] = '-';
        id[19] = '8';
        hex(id, 20, seedTag & 0xfff, 3);
        id[23] = '-';
        hex(id, 24, ordinal, 12);
        return new String(id);
    }

    private static void hex(char[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = Character.forDigit((int) (value & 0xf), 16);
            value >>>= 4;
        }
    }

    /** The ledger ordinal encoded in an event id, or -1 when the text is not one of ours. */
    public static long ordinalOf(String eventId) {
        if (eventId == null || eventId.length() != 36 || eventId.charAt(23) != '-') {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(24), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The raw-topic value: the fields of docs/pipelines.md in a fixed order ({@code channel} only when
     * set, {@code payload} only when there is one).
     */
    public String toJson() {
        Json json = Json.object().field("event_id", eventId).field("event_type", type.wireName())
                .field("entity_id", entityId).field("event_time", eventTime)
                .field("schema_version", schemaVersion);
        if (channel != null) {
            json.field("channel", channel);
        }
        if (payload instanceof Payload.Absent) {
            return json.end();
        }
        return payload.appendFields(json.openObject("payload")).closeObject().end();
    }
}
