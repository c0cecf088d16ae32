package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Params;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What an event-time field writes ({@code as:}): epoch milliseconds (a BIGINT column, the default),
 * or a {@code timestamp}, {@code timestamptz} or {@code date} value that the JDBC driver binds to a
 * column of that type. Times are UTC, so a run gives the same rows on every machine.
 */
enum EventTimeType {
    MILLIS, TIMESTAMP, TIMESTAMPTZ, DATE;

    static final List<String> NAMES = List.of("millis", "timestamp", "timestamptz", "date");

    static EventTimeType from(Params settings) {
        return valueOf(settings.choice("as", NAMES, "millis").toUpperCase(java.util.Locale.ROOT));
    }

    FieldGenerator convert(FieldGenerator millis) {
        if (this == MILLIS) {
            return millis;
        }
        return (random, index) -> of((Long) millis.next(random, index));
    }

    Object of(long epochMillis) {
        OffsetDateTime time = Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
        return switch (this) {
            case MILLIS -> epochMillis;
            case TIMESTAMP -> LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
            case TIMESTAMPTZ -> time;
            case DATE -> time.toLocalDate();
        };
    }
}
