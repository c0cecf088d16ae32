package dev.pipelineharness.generators.records;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The field specification {@code from: ddl} derives for a column, written as the settings a user
 * would write ({@code {type: decimal, min: 0, max: 1000, scale: 2}}), so it is validated and made by
 * {@link FieldSpec} exactly like a hand-written one, and documented in terms users know.
 *
 * <p>The defaults aim at data a pipeline can join and aggregate: the key and every text column
 * named {@code <thing>_id} take ids of the prefix {@code <first letter of thing>-}, as the key of a
 * table named {@code <thing>s} does, so derived orders refer to derived customers; nullable columns
 * are null in {@value #NULL_RATE} of rows, so the pipeline meets nulls; event times spread over an hour.
 */
final class DerivedFields {

    static final double NULL_RATE = 0.05;
    private static final List<String> TEXT = List.of("text", "varchar", "character varying", "char", "character",
            "bpchar", "citext", "name");
    private static final Map<String, String> FAKER_BY_NAME = new LinkedHashMap<>();

    static {
        FAKER_BY_NAME.put("email", "#{Internet.emailAddress}");
        FAKER_BY_NAME.put("phone", "#{PhoneNumber.cellPhone}");
        FAKER_BY_NAME.put("city", "#{Address.city}");
        FAKER_BY_NAME.put("country", "#{Address.country}");
        FAKER_BY_NAME.put("street", "#{Address.streetAddress}");
        FAKER_BY_NAME.put("address", "#{Address.fullAddress}");
        FAKER_BY_NAME.put("name", "#{Name.fullName}");
    }

    private DerivedFields() {
    }

    /** The derived specification of {@code column}, or empty for a type records cannot make (uuid, jsonb, ...). */
    static Optional<Map<String, Object>> of(DdlTable.Column column, boolean key, String table, long plannedCount) {
        Map<String, Object> spec = new LinkedHashMap<>();
        String type = column.type();
        boolean text = TEXT.contains(type);
        boolean whole = List.of("smallint", "int2", "integer", "int", "int4", "serial", "bigint", "int8", "bigserial",
                "smallserial", "serial4", "serial8").contains(type);
        if (key && text) {
            spec.put("id", prefix(table));
            spec.put("cardinality", Math.max(1, plannedCount));
        } else if (key && whole) {
            spec.put("sequence", 1);
            spec.put("cardinality", Math.max(1, plannedCount));
        } else if (text && column.name().endsWith("_id")) {
            spec.put("id", prefix(column.name().substring(0, column.name().length() - 3)));
            spec.put("cardinality", 100);
        } else if (text) {
            spec.putAll(text(column.name(), column.arguments().isEmpty() ? 0 : column.arguments().get(0)));
        } else if (whole) {
            spec.put("type", type.contains("big") || type.equals("int8") || type.equals("serial8") ? "long" : "int");
            spec.put("min", 0);
            spec.put("max", type.contains("small") || type.equals("int2") ? 1000 : 100000);
        } else if (type.equals("numeric") || type.equals("decimal")) {
            int scale = column.arguments().size() > 1 ? column.arguments().get(1) : 2;
            int digits = column.arguments().isEmpty() ? 12 : column.arguments().get(0) - scale;
            spec.put("type", "decimal");
            spec.put("min", 0);
            spec.put("max", digits >= 4 ? 1000 : BigDecimal.TEN.pow(digits).subtract(BigDecimal.ONE).intValue());
            spec.put("scale", scale);
        } else if (List.of("real", "float4", "double precision", "float8", "float").contains(type)) {
            spec.put("type", "double");
            spec.put("min", 0);
            spec.put("max", 1000);
        } else if (type.equals("boolean") || type.equals("bool")) {
            spec.put("type", "boolean");
        } else if (eventTimeType(type).isPresent()) {
            spec.put("event-time", Map.of("spread", "1h", "as", eventTimeType(type).get()));
        } else {
            return Optional.empty();
        }
        if (!key && !column.notNull()) {
            spec.put("null-rate", NULL_RATE);
        }
        return Optional.of(spec);
    }

    /** A Datafaker expression chosen by the field's name, cut to {@code maxLength} when it is above 0. */
    static Map<String, Object> text(String name, int maxLength) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("faker", FAKER_BY_NAME.entrySet().stream().filter(e -> name.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("#{Lorem.word}"));
        if (maxLength > 0) {
            spec.put("max-length", maxLength);
        }
        return spec;
    }

    private static Optional<String> eventTimeType(String type) {
        return switch (type) {
            case "timestamp", "timestamp without time zone" -> Optional.of("timestamp");
            case "timestamptz", "timestamp with time zone" -> Optional.of("timestamptz");
            case "date" -> Optional.of("date");
            default -> Optional.empty();
        };
    }

    /** {@code customers} and {@code customer} both give {@code c-}. */
    static String prefix(String thing) {
        return thing.substring(0, 1).toLowerCase(Locale.ROOT) + "-";
    }
}
