package dev.pipelineharness.generators.business;

import java.nio.charset.StandardCharsets;

/**
 * One record as produced into {@code raw_business_events}: either a well-formed {@link BusinessEvent}
 * or a poison record (then {@code event} is null and {@code poisonValue} holds the bytes sent).
 * An exact duplicate appears twice in the generated sequence with the same ordinal.
 */
public record RawRecord(long ordinal, String key, BusinessEvent event, byte[] poisonValue, String poisonKind) {

    public static RawRecord wellFormed(BusinessEvent event) {
        return new RawRecord(event.ordinal(), event.entityId(), event, null, null);
    }

    public static RawRecord poison(long ordinal, String key, String value, String kind) {
        return new RawRecord(ordinal, key, null, value.getBytes(StandardCharsets.UTF_8), kind);
    }

    public boolean malformed() {
        return event == null;
    }
}
