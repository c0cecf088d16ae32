package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final JsonNode node;
    private final String pointer;
    private final String field;
    private final Locator locator;

    private Params(JsonNode node, String pointer, String field, Locator locator) {
        this.node = node;
        this.pointer = pointer;
        this.field = field;
        this.locator = locator;
    }

    /**
     * @param node    a mapping (or, for scalar-valued entries, a scalar) as read from the file
     * @param pointer the JSON pointer of {@code node} in its file ("" for the root)
     * @param field   the dotted path users see in messages, such as {@code generate[0].business-events}
     */
    public static Params of(JsonNode node, String pointer, String field, Locator locator) {
        return new Params(node == null ? JsonNodeFactory.instance.nullNode() : node, pointer, field, locator);
    }

    /** Settings with nothing in them, for entries written without a body ({@code - no-loss}). */
    public static Params empty(String pointer, String field, Locator locator) {
        return new Params(JsonNodeFactory.instance.objectNode(), pointer, field, locator);
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

    /** The raw tree, for providers that map a whole section onto their own types. */
    public JsonNode node() {
        return node;
    }

    public boolean has(String key) {
        return node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * Rejects any key that is not in {@code allowed}, suggesting the nearest allowed one
     * ("did you mean 'count'?").
     */
    public Params allowOnly(Collection<String> allowed) {
        if (!node.isObject()) {
            throw error("", "must be a mapping of settings, was " + describe(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
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
        JsonNode value = require(key);
        if (!value.isValueNode() || value.isNull()) {
            throw error(key, "must be a text value, was " + describe(value));
        }
        return value.asText();
    }

    public String string(String key, String defaultValue) {
        return has(key) ? string(key) : defaultValue;
    }

    /** A text value that must be one of {@code choices}. */
    public String choice(String key, Collection<String> choices, String defaultValue) {
        String value = string(key, defaultValue);
        if (!choices.contains(value)) {
            throw error(key, "'" + value + "' is not one of " + String.join(", ", choices)
                    + Suggestions.didYouMean(value, choices));
        }
        return value;
    }

    public long longValue(String key) {
        JsonNode value = require(key);
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().replace("_", "").trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "must be a whole number, was " + describe(value));
    }

    public long longValue(String key, long defaultValue) {
        return has(key) ? longValue(key) : defaultValue;
    }

    public long positiveLong(String key, long defaultValue) {
        long value = longValue(key, defaultValue);
        if (value <= 0) {
            throw error(key, "must be greater than 0, was " + value);
        }
        return value;
    }

    public int intValue(String key, int defaultValue) {
        long value = longValue(key, defaultValue);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw error(key, "is out of range: " + value);
        }
        return (int) value;
    }

    public double decimal(String key) {
        JsonNode value = require(key);
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "must be a number, was " + describe(value));
    }

    public double decimal(String key, double defaultValue) {
        return has(key) ? decimal(key) : defaultValue;
    }

    /** A fraction between 0 and 1 inclusive, such as {@code duplicates: 0.01}. */
    public double fraction(String key, double defaultValue) {
        double value = decimal(key, defaultValue);
        if (value < 0 || value > 1) {
            throw error(key, "must be a fraction between 0 and 1, was " + value);
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode value = node.get(key);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && ("true".equals(value.asText()) || "false".equals(value.asText()))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw error(key, "must be true or false, was " + describe(value));
    }

    /** A duration written as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}; never negative. */
    public Duration duration(String key) {
        JsonNode value = require(key);
        String text = value.asText().trim();
        Matcher matcher = DURATION.matcher(text);
        if (!value.isValueNode() || !matcher.matches()) {
            throw error(key, "must be a duration such as 500ms, 30s, 5m or 1h, was " + describe(value));
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
        JsonNode value = node.get(key);
        Matcher matcher = RATE.matcher(value.asText().trim());
        if (!value.isValueNode() || !matcher.matches()) {
            throw error(key, "must be a rate such as 2000/s or 120/m, was " + describe(value));
        }
        double amount = Double.parseDouble(matcher.group(1));
        if (amount <= 0) {
            throw error(key, "must be greater than 0, was " + value.asText());
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
        JsonNode value = require(key);
        List<String> result = new ArrayList<>();
        if (value.isValueNode() && !value.isNull()) {
            result.add(value.asText());
            return result;
        }
        if (!value.isArray()) {
            throw error(key, "must be a list of text values, was " + describe(value));
        }
        for (JsonNode element : value) {
            if (!element.isValueNode() || element.isNull()) {
                throw error(key, "must be a list of text values, one element was " + describe(element));
            }
            result.add(element.asText());
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
        for (Iterator<String> names = section.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            result.put(name, section.decimal(name));
        }
        return result;
    }

    /** A nested mapping. */
    public Params params(String key) {
        JsonNode value = require(key);
        if (!value.isObject()) {
            throw error(key, "must be a mapping of settings, was " + describe(value));
        }
        return new Params(value, childPointer(key), field(key), locator);
    }

    public Optional<Params> optionalParams(String key) {
        return has(key) ? Optional.of(params(key)) : Optional.empty();
    }

    /** A list of nested mappings. */
    public List<Params> list(String key) {
        JsonNode value = require(key);
        if (!value.isArray()) {
            throw error(key, "must be a list, was " + describe(value));
        }
        List<Params> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(new Params(value.get(i), childPointer(key) + "/" + i, field(key) + "[" + i + "]", locator));
        }
        return result;
    }

    /** An error about {@code key} (or about this section, for an empty key), located where it was written. */
    public ScenarioDefinitionException error(String key, String problem) {
        if (key == null || key.isEmpty()) {
            return new ScenarioDefinitionException(location(), field, problem);
        }
        Location where = has(key) || node.has(key) ? location(key) : location();
        return new ScenarioDefinitionException(where, field(key), problem);
    }

    private JsonNode require(String key) {
        if (!node.isObject()) {
            throw error("", "must be a mapping of settings, was " + describe(node));
        }
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(key, "is required but missing");
        }
        return value;
    }

    private String childPointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        return value.asText();
    }

    @Override
    public String toString() {
        return field + "=" + node;
    }
}
