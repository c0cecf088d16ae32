package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.datafaker.Faker;

/**
 * One field of a {@code records} specification, parsed and validated: how its values are made
 * ({@link FieldGenerator}) and the share of records in which it is null.
 *
 * <pre>
 * order_id:    {id: o-, cardinality: 500}                          # o-00000 .. o-00499
 * account_id:  {sequence: 1, cardinality: 500}                     # 1 .. 500, for a numeric key column
 * customer_id: {id: c-, cardinality: 40, distribution: zipf}       # refers to the customers' id pool
 * amount:      {type: decimal, min: 5, max: 500, scale: 2, distribution: normal}
 * status:      {values: [NEW, PAID, CANCELLED]}
 * name:        {faker: "#{Name.fullName}", null-rate: 0.1, max-length: 40}   # cut to a VARCHAR(40)
 * order_time:  {event-time: {spread: 3h, out-of-order: 0.1, edges: {every: 1h, within: 5s}}}
 * created_at:  {event-time: {spread: 1h, as: timestamptz}}          # millis (default), timestamp, timestamptz, date
 * </pre>
 */
final class FieldSpec {

    static final List<String> TYPES = List.of("string", "int", "long", "decimal", "double", "boolean");
    private static final List<String> KEYS = List.of("id", "sequence", "cardinality", "type", "min", "max", "scale",
            "distribution", "values", "faker", "event-time", "null-rate", "true-rate", "max-length");

    final String name;
    final double nullRate;
    final FieldGenerator generator;
    /** Set for an id field: its prefix and how many ids its pool holds. */
    final Optional<IdPool> idPool;
    final Optional<EventTimeField> eventTime;

    /** The ids of a key field: {@code prefix} and five digits, or (prefix null) whole numbers from {@code first}. */
    record IdPool(String prefix, long first, int cardinality) {
        Object id(int index) {
            return prefix == null ? (Object) (first + index) : prefix + String.format(Locale.ROOT, "%05d", index);
        }
    }

    private FieldSpec(String name, double nullRate, FieldGenerator generator, Optional<IdPool> idPool,
                      Optional<EventTimeField> eventTime) {
        this.name = name;
        this.nullRate = nullRate;
        this.generator = generator;
        this.idPool = idPool;
        this.eventTime = eventTime;
    }

    /** A field whose values are records of {@code children} (a nested Avro record). */
    static FieldSpec record(String name, double nullRate, Map<String, FieldSpec> children) {
        return new FieldSpec(name, nullRate, AvroFields.recordValues(children), Optional.empty(), Optional.empty());
    }

    static FieldSpec parse(String name, Params params, long plannedCount) {
        params.allowOnly(KEYS);
        double nullRate = params.fraction("null-rate", 0);
        if (params.has("id") || params.has("sequence")) {
            if (params.has("id") && params.has("sequence")) {
                throw params.error("sequence", "give one of 'id' (text ids with a prefix) or 'sequence' (whole numbers)");
            }
            int cardinality = (int) Math.min(Integer.MAX_VALUE, params.positiveLong("cardinality", 0));
            if (!params.has("cardinality")) {
                throw params.error("cardinality", "is required for an id field: how many distinct ids its pool holds");
            }
            IdPool pool = params.has("id") ? new IdPool(params.string("id"), 0, cardinality)
                    : new IdPool(null, params.longValue("sequence"), cardinality);
            Distribution distribution = Distribution.from(params);
            var zipf = distribution.table(cardinality);
            return new FieldSpec(name, nullRate, (random, index) -> pool.id(distribution.index(random, cardinality, zipf)),
                    Optional.of(pool), Optional.empty());
        }
        if (params.has("event-time")) {
            Params settings = params.params("event-time");
            EventTimeField field = new EventTimeField(settings, plannedCount);
            FieldGenerator values = EventTimeType.from(settings).convert(field);
            return new FieldSpec(name, nullRate, values, Optional.empty(), Optional.of(field));
        }
        if (params.has("faker")) {
            return new FieldSpec(name, nullRate, cut(params, faker(params)), Optional.empty(), Optional.empty());
        }
        String type = params.has("values") ? params.choice("type", TYPES, "string") : type(params);
        if (params.has("values")) {
            FieldGenerator values = values(params, type);
            return new FieldSpec(name, nullRate, type.equals("string") ? cut(params, values) : values, Optional.empty(),
                    Optional.empty());
        }
        return new FieldSpec(name, nullRate, number(params, type), Optional.empty(), Optional.empty());
    }

    private static String type(Params params) {
        if (!params.has("type")) {
            throw params.error("", "says neither how to make values: give one of id, event-time, faker, values or type ("
                    + String.join(", ", TYPES) + ")");
        }
        return params.choice("type", TYPES, "string");
    }

    /** Text no longer than {@code max-length}, so it fits a {@code VARCHAR(n)} column. */
    private static FieldGenerator cut(Params params, FieldGenerator text) {
        if (!params.has("max-length")) {
            return text;
        }
        int maxLength = (int) params.positiveLong("max-length", 0);
        return (random, index) -> {
            String value = String.valueOf(text.next(random, index));
            return value.length() <= maxLength ? value : value.substring(0, maxLength);
        };
    }

    /** A Datafaker expression, tried once now so a misspelt one is a load-time error. */
    private static FieldGenerator faker(Params params) {
        String expression = params.string("faker");
        try {
            new Faker(new Random(0)).expression(expression);
        } catch (RuntimeException e) {
            throw params.error("faker", "Datafaker cannot evaluate '" + expression + "': " + e.getMessage());
        }
        return new FieldGenerator() {
            private Random boundTo;
            private Faker faker;

            @Override
            public Object next(Random random, long index) {
                // Datafaker draws from the field's own seeded stream; making a Faker is costly, so once per stream
                if (random != boundTo) {
                    faker = new Faker(random);
                    boundTo = random;
                }
                return faker.expression(expression);
            }
        };
    }

    private static FieldGenerator values(Params params, String type) {
        List<String> texts = params.strings("values");
        if (texts.isEmpty()) {
            throw params.error("values", "must list at least one value");
        }
        List<Object> values = new java.util.ArrayList<>();
        for (String text : texts) {
            try {
                values.add(convert(text, type));
            } catch (NumberFormatException e) {
                throw params.error("values", "'" + text + "' is not a " + type);
            }
        }
        Distribution distribution = Distribution.from(params);
        var zipf = distribution.table(values.size());
        return (random, index) -> values.get(distribution.index(random, values.size(), zipf));
    }

    private static Object convert(String text, String type) {
        return switch (type) {
            case "int" -> Integer.parseInt(text);
            case "long" -> Long.parseLong(text);
            case "decimal" -> new BigDecimal(text);
            case "double" -> Double.parseDouble(text);
            case "boolean" -> Boolean.parseBoolean(text);
            default -> text;
        };
    }

    private static FieldGenerator number(Params params, String type) {
        if (type.equals("string")) {
            throw params.error("type", "a string field needs 'faker' or 'values'");
        }
        if (type.equals("boolean")) {
            double trueRate = params.fraction("true-rate", 0.5);
            return (random, index) -> random.nextDouble() < trueRate;
        }
        double min = params.decimal("min", 0);
        double max = params.decimal("max", 1000);
        if (max < min) {
            throw params.error("max", "must not be less than min (" + min + "), was " + max);
        }
        int scale = params.intValue("scale", 2);
        Distribution distribution = Distribution.from(params);
        var zipf = distribution.table(1000);
        return (random, index) -> {
            double position = distribution.position(random, zipf);
            return switch (type) {
                // whole numbers: every value of [min, max] equally likely under uniform, max included
                case "int" -> (int) Math.floor(min + position * (Math.floor(max) - Math.ceil(min) + 1));
                case "long" -> (long) Math.floor(min + position * (Math.floor(max) - Math.ceil(min) + 1));
                case "decimal" -> BigDecimal.valueOf(min + position * (max - min)).setScale(scale, RoundingMode.HALF_UP);
                default -> min + position * (max - min);
            };
        };
    }
}
