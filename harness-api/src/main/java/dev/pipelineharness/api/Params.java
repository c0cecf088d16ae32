package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.pipelineharness.api.support.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The settings a user wrote for one generator, check, fault or topology, with the place each was
 * written. Providers read their settings through the typed getters here; every getter that meets a
 * missing, mistyped or out-of-range value throws a {@link ScenarioDefinitionException} that names the
 * file, line, column and field.
 *
 * <p>Values are already free of {@code ${ENV:-default}} placeholders when a provider sees them.
 *
 * <p>The settings are held as plain Java values, as a YAML or JSON reader produces them: a
 * {@link Map} with text keys in the order written, a {@link List}, a {@link String}, a
 * {@link Number}, a {@link Boolean} or {@code null}. Providers never see a parser's types.
 */
@API(status = STABLE, since = "0.1")
public final class Params {

    private static final Pattern DURATION = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Pattern RATE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(ms|s|m|h))?");

    /** Finds where a node was written, by its JSON pointer in the file. */
    @FunctionalInterface
    public interface Locator {
        Location locate(String jsonPointer);
    }

    private final Object value;
    private final String pointer;
    private final String field;
    private final Locator locator;

    private Params(Object value, String pointer, String field, Locator locator) {
        this.value = value;
        this.pointer = pointer;
        this.field = field;
        this.locator = locator;
    }

    /**
     * @param value   a mapping (or, for scalar-valued entries, a scalar) as plain Java values (see the
     *                class comment); copied, so later changes to it are not seen
     * @param pointer the JSON pointer of {@code value} in its file ("" for the root)
     * @param field   the dotted path users see in messages, such as {@code generate[0].business-events}
     */
    public static Params of(Object value, String pointer, String field, Locator locator) {
        return new Params(PlainValues.copy(value, field), pointer, field, locator);
    }

    /** Settings with nothing in them, for entries written without a body ({@code - no-loss}). */
    public static Params empty(String pointer, String field, Locator locator) {
        return new Params(Map.of(), pointer, field, locator);
    }

    public Location location() {
        return locator.locate(pointer);
    }

    public Location location(String key) {
        return locator.locate(childPointer(key));
    }

    public String field() {
        return field;
    }

    public String field(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    /** True for a mapping of settings ({@code {count: 10}}), the usual shape of an entry. */
    public boolean isMapping() {
        return value instanceof Map;
    }

    /** True for an entry written as one value ({@code - no-duplicates: exactly-once}). */
    public boolean isScalar() {
        return value != null && !(value instanceof Map) && !(value instanceof List);
    }

    /** True for an entry written with an explicit empty value ({@code - no-loss: ~}). */
    public boolean isNull() {
        return value == null;
    }

    /** The text of a scalar-valued entry (see {@link #isScalar()}). */
    public String scalarText() {
        if (!isScalar()) {
            throw error("", "must be a single value, was " + describe(value));
        }
        return text(value);
    }

    /** True when {@code key} holds a list ({@code sql: [a.sql, b.sql]}) rather than one value. */
    public boolean isList(String key) {
        return get(key) instanceof List;
    }

    /**
     * The value at {@code key} as settings of their own, whatever its shape (mapping, scalar or
     * nothing), for entries whose shape the provider decides on: see {@link #isMapping()}.
     */
    public Params child(String key) {
        return new Params(get(key), childPointer(key), field(key), locator);
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** The keys of this mapping, in the order they were written. */
    public Set<String> keys() {
        return value instanceof Map<?, ?> map ? keysOf(map) : Set.of();
    }

    /**
     * Rejects any key that is not in {@code allowed}, suggesting the nearest allowed one
     * ("did you mean 'count'?").
     */
    public Params allowOnly(Collection<String> allowed) {
        for (String name : keysOf(mapping())) {
            if (!allowed.contains(name)) {
                throw new ScenarioDefinitionException(location(name), field(name),
                        "unknown key '" + name + "'" + Suggestions.didYouMean(name, allowed)
                                + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    public Params allowOnly(String... allowed) {
        return allowOnly(List.of(allowed));
    }

    public String string(String key) {
        Object found = require(key);
        if (!isScalarValue(found)) {
            throw error(key, "must be a text value, was " + describe(found));
        }
        return text(found);
    }

    public String string(String key, String defaultValue) {
        return has(key) ? string(key) : defaultValue;
    }

    /** A text value that must be one of {@code choices}. */
    public String choice(String key, Collection<String> choices, String defaultValue) {
        String chosen = string(key, defaultValue);
        if (!choices.contains(chosen)) {
            throw error(key, "'" + chosen + "' is not one of " + String.join(", ", choices)
                    + Suggestions.didYouMean(chosen, choices));
        }
        return chosen;
    }

    public long longValue(String key) {
        Object found = require(key);
        if (found instanceof Long || found instanceof Integer || found instanceof Short || found instanceof Byte) {
            return ((Number) found).longValue();
        }
        if (found instanceof BigInteger) {
            throw error(key, "is out of range: " + found);
        }
        if (found instanceof String text) {
            try {
                return Long.parseLong(text.replace("_", "").trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "must be a whole number, was " + describe(found));
    }

    public long longValue(String key, long defaultValue) {
        return has(key) ? longValue(key) : defaultValue;
    }

    public long positiveLong(String key, long defaultValue) {
        long number = longValue(key, defaultValue);
        if (number <= 0) {
            throw error(key, "must be greater than 0, was " + number);
        }
        return number;
    }

    public int intValue(String key, int defaultValue) {
        long number = longValue(key, defaultValue);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw error(key, "is out of range: " + number);
        }
        return (int) number;
    }

    public double decimal(String key) {
        Object found = require(key);
        if (found instanceof Number number) {
            return number.doubleValue();
        }
        if (found instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "must be a number, was " + describe(found));
    }

    public double decimal(String key, double defaultValue) {
        return has(key) ? decimal(key) : defaultValue;
    }

    /** A fraction between 0 and 1 inclusive, such as {@code duplicates: 0.01}. */
    public double fraction(String key, double defaultValue) {
        double number = decimal(key, defaultValue);
        if (number < 0 || number > 1) {
            throw error(key, "must be a fraction between 0 and 1, was " + number);
        }
        return number;
    }

    public boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object found = get(key);
        if (found instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(found) || "false".equals(found)) {
            return Boolean.parseBoolean((String) found);
        }
        throw error(key, "must be true or false, was " + describe(found));
    }

    /** A duration written as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}; never negative. */
    public Duration duration(String key) {
        Object found = require(key);
        String text = isScalarValue(found) ? text(found).trim() : "";
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw error(key, "must be a duration such as 500ms, 30s, 5m or 1h, was " + describe(found));
        }
        double amount = Double.parseDouble(matcher.group(1));
        if (amount < 0) {
            throw error(key, "must not be negative, was " + text);
        }
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    public Duration duration(String key, Duration defaultValue) {
        return has(key) ? duration(key) : defaultValue;
    }

    /** A rate in events per second, written as {@code 2000/s}, {@code 120/m} or a bare number (per second). */
    public double ratePerSecond(String key, double defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object found = get(key);
        String text = isScalarValue(found) ? text(found).trim() : "";
        Matcher matcher = RATE.matcher(text);
        if (!matcher.matches()) {
            throw error(key, "must be a rate such as 2000/s or 120/m, was " + describe(found));
        }
        double amount = Double.parseDouble(matcher.group(1));
        if (amount <= 0) {
            throw error(key, "must be greater than 0, was " + text);
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> amount * 1_000;
            case "s" -> amount;
            case "m" -> amount / 60;
            default -> amount / 3_600;
        };
    }

    /** A list of text values; a single text value counts as a list of one. */
    public List<String> strings(String key) {
        Object found = require(key);
        List<String> result = new ArrayList<>();
        if (isScalarValue(found)) {
            result.add(text(found));
            return result;
        }
        if (!(found instanceof List<?> elements)) {
            throw error(key, "must be a list of text values, was " + describe(found));
        }
        for (Object element : elements) {
            if (!isScalarValue(element)) {
                throw error(key, "must be a list of text values, one element was " + describe(element));
            }
            result.add(text(element));
        }
        return result;
    }

    public List<String> strings(String key, List<String> defaultValue) {
        return has(key) ? strings(key) : defaultValue;
    }

    /** A map of names to numbers, such as {@code mix: {loan: 0.5, car: 0.5}}, in the order written. */
    public Map<String, Double> decimals(String key) {
        Params section = params(key);
        Map<String, Double> result = new LinkedHashMap<>();
        for (String name : section.keys()) {
            result.put(name, section.decimal(name));
        }
        return result;
    }

    /** A nested mapping. */
    public Params params(String key) {
        Object found = require(key);
        if (!(found instanceof Map)) {
            throw error(key, "must be a mapping of settings, was " + describe(found));
        }
        return new Params(found, childPointer(key), field(key), locator);
    }

    public Optional<Params> optionalParams(String key) {
        return has(key) ? Optional.of(params(key)) : Optional.empty();
    }

    /** A list of nested mappings. */
    public List<Params> list(String key) {
        Object found = require(key);
        if (!(found instanceof List<?> elements)) {
            throw error(key, "must be a list, was " + describe(found));
        }
        List<Params> result = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            result.add(new Params(elements.get(i), childPointer(key) + "/" + i, field(key) + "[" + i + "]", locator));
        }
        return result;
    }

    /** An error about {@code key} (or about this section, for an empty key), located where it was written. */
    public ScenarioDefinitionException error(String key, String problem) {
        if (key == null || key.isEmpty()) {
            return new ScenarioDefinitionException(location(), field, problem);
        }
        Location where = value instanceof Map<?, ?> map && map.containsKey(key) ? location(key) : location();
        return new ScenarioDefinitionException(where, field(key), problem);
    }

    private Object get(String key) {
        return value instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private Map<?, ?> mapping() {
        if (!(value instanceof Map<?, ?> map)) {
            throw error("", "must be a mapping of settings, was " + describe(value));
        }
        return map;
    }

    private Object require(String key) {
        Object found = mapping().get(key);
        if (found == null) {
            throw error(key, "is required but missing");
        }
        return found;
    }

    private String childPointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> keysOf(Map<?, ?> map) {
        Set<String> keys = new LinkedHashSet<>();
        map.keySet().forEach(key -> keys.add((String) key));
        return keys;
    }

    private static boolean isScalarValue(Object candidate) {
        return candidate instanceof String || candidate instanceof Number || candidate instanceof Boolean;
    }

    /** A scalar as the user wrote it: {@code 0.5}, not {@code 5.0E-1}; {@code 10}, not {@code 10.0}. */
    private static String text(Object scalar) {
        return scalar instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(scalar);
    }

    static String describe(Object candidate) {
        if (candidate == null) {
            return "nothing";
        }
        if (candidate instanceof Map) {
            return "a mapping";
        }
        if (candidate instanceof List) {
            return "a list";
        }
        if (candidate instanceof String text) {
            return "'" + text + "'";
        }
        return text(candidate);
    }

    @Override
    public String toString() {
        return field + "=" + value;
    }
}
