package dev.pipelineharness.engine.yaml;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML file into a {@link LocatedDocument}. SnakeYAML composes the node graph (which keeps
 * every node's line and column); this class converts it to Jackson nodes itself so that it can
 * reject duplicate keys where they are written and fill {@code ${ENV:-default}} placeholders in scalars.
 */
@API(status = INTERNAL, since = "0.1")
public final class YamlReader {

    private final EnvironmentSubstitution substitution;
    private final Resolver resolver = new Resolver();

    public YamlReader(EnvironmentSubstitution substitution) {
        this.substitution = substitution;
    }

    /** @return the document, or one whose root is a missing node when the file holds no YAML at all */
    public LocatedDocument read(String file, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ScenarioDefinitionException(location(file, mark), "",
                    "invalid YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new ScenarioDefinitionException(Location.ofFile(file), "", "invalid YAML: " + e.getMessage());
        }
        Map<String, Location> locations = new HashMap<>();
        if (root == null) {
            return new LocatedDocument(file, JsonNodeFactory.instance.missingNode(), locations);
        }
        locations.put("", location(file, root.getStartMark()));
        JsonNode tree = convert(file, root, "", locations);
        return new LocatedDocument(file, tree, locations);
    }

    private JsonNode convert(String file, Node node, String pointer, Map<String, Location> locations) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw new ScenarioDefinitionException(location(file, keyNode.getStartMark()), "",
                            "a key must be a plain name, not a list or mapping");
                }
                String key = keyScalar.getValue();
                String childPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (object.has(key)) {
                    throw new ScenarioDefinitionException(location(file, keyNode.getStartMark()),
                            FieldPaths.fromPointer(childPointer),
                            "duplicate key '" + key + "' (first written at line "
                                    + locations.get(childPointer).line() + ")");
                }
                locations.put(childPointer, location(file, keyNode.getStartMark()));
                object.set(key, convert(file, tuple.getValueNode(), childPointer, locations));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            for (Node element : sequence.getValue()) {
                String childPointer = pointer + "/" + index++;
                locations.put(childPointer, location(file, element.getStartMark()));
                array.add(convert(file, element, childPointer, locations));
            }
            return array;
        }
        return scalar(file, (ScalarNode) node, pointer);
    }

    private JsonNode scalar(String file, ScalarNode node, String pointer) {
        String value = node.getValue();
        Tag tag = node.getTag();
        if (EnvironmentSubstitution.containsPlaceholder(value)) {
            value = substitution.substitute(value, location(file, node.getStartMark()), FieldPaths.fromPointer(pointer));
            // a plain scalar whose placeholder became "42" or "true" means the number or flag, as if written so
            tag = node.isPlain() ? resolver.resolve(NodeId.scalar, value, true) : Tag.STR;
        }
        return typed(value, tag);
    }

    private static JsonNode typed(String value, Tag tag) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            if (Tag.NULL.equals(tag)) {
                return nodes.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                return nodes.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
            }
            if (Tag.INT.equals(tag)) {
                BigInteger number = new BigInteger(value.replace("_", ""));
                return number.bitLength() < 64 ? nodes.numberNode(number.longValue()) : nodes.numberNode(number);
            }
            if (Tag.FLOAT.equals(tag)) {
                return nodes.numberNode(Double.parseDouble(value.replace("_", "")));
            }
        } catch (NumberFormatException unusual) {
            // hexadecimal, sexagesimal or .inf: keep the text, the reader of the value will complain if it matters
        }
        return nodes.textNode(value);
    }

    private static Location location(String file, Mark mark) {
        return mark == null ? Location.ofFile(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder text = new StringBuilder();
        if (e.getContext() != null) {
            text.append(e.getContext()).append(", ");
        }
        text.append(e.getProblem() == null ? "unreadable" : e.getProblem());
        return text.toString().replaceAll("\\s+", " ").trim();
    }
}
