package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.PipelineFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which consumer groups a deployed pipeline reads its Kafka input with, and from which topics: the
 * Flink tables that declare {@code 'properties.group.id'} (Flink commits their offsets on every
 * checkpoint) and the sink connectors ({@code topics} in their config, group {@code connect-NAME});
 * the replication slots its Debezium PostgreSQL sources read the WAL through; and the tables whose
 * DynamoDB stream the harness's own DynamoDB Streams source reads. What it cannot
 * follow is listed in {@link #unmeasured()}: another source connector, a Flink source without a
 * group id or reading a topic pattern, a sink reading a topic regex. Read from the resolved files,
 * so names are physical.
 *
 * @param groups        group id to the topics it must have consumed to the end
 * @param postgresSlots the replication slots of its Debezium PostgreSQL sources
 * @param dynamoStreams DynamoDB Streams source connector name to the (physical) table it reads
 * @param unmeasured    one phrase per stage whose progress none of these shows
 */
public record PipelineConsumers(Map<String, Set<String>> groups, List<String> postgresSlots,
                                Map<String, String> dynamoStreams, List<String> unmeasured) {

    /** The harness's own DynamoDB Streams source (topology-local/connect-dynamodb-streams). */
    public static final String DYNAMODB_STREAMS_SOURCE = "dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceConnector";


    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+(?:TEMPORARY\\s+)?TABLE\\b");
    private static final Pattern OPTION = Pattern.compile("'([^']+)'\\s*=\\s*'([^']*)'");

    public PipelineConsumers {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        groups.forEach((group, topics) -> copy.put(group, Set.copyOf(topics)));
        groups = java.util.Collections.unmodifiableMap(copy);
        postgresSlots = List.copyOf(postgresSlots);
        dynamoStreams = Map.copyOf(dynamoStreams);
        unmeasured = List.copyOf(unmeasured);
    }

    /** From the pipeline's resolved Flink SQL and its connectors (name and resolved config each). */
    public static PipelineConsumers of(List<PipelineFile> resolvedFlinkSql, List<ConnectorFile> connectors) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        List<String> unmeasured = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        Map<String, String> streams = new LinkedHashMap<>();
        for (PipelineFile file : resolvedFlinkSql) {
            readFlinkSources(file, groups, unmeasured);
        }
        for (ConnectorFile connector : connectors) {
            String topics = connector.config().get("topics");
            if (topics != null && !topics.isBlank()) {
                String group = connector.config().getOrDefault("consumer.override.group.id", "connect-" + connector.name());
                groups.computeIfAbsent(group, key -> new LinkedHashSet<>()).addAll(split(topics, ","));
            } else if (DebeziumSlots.POSTGRES_CONNECTOR.equals(connector.connectorClass())) {
                slots.add(connector.config().getOrDefault("slot.name", "debezium"));
            } else if (DYNAMODB_STREAMS_SOURCE.equals(connector.connectorClass())
                    && connector.config().containsKey("dynamodb.table.name")) {
                streams.put(connector.name(), connector.config().get("dynamodb.table.name"));
            } else if (connector.config().containsKey("topics.regex")) {
                unmeasured.add("sink connector " + connector.name() + " (reads a topic regex)");
            } else {
                unmeasured.add("source connector " + connector.name() + " (" + simpleName(connector.connectorClass())
                        + ": its position in the source is not a consumer offset)");
            }
        }
        return new PipelineConsumers(groups, slots, streams, unmeasured);
    }

    private static void readFlinkSources(PipelineFile file, Map<String, Set<String>> groups, List<String> unmeasured) {
        String text = file.text();
        Matcher table = CREATE_TABLE.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (table.find()) {
            starts.add(table.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            String statement = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            Map<String, String> options = new LinkedHashMap<>();
            Matcher option = OPTION.matcher(statement);
            while (option.find()) {
                options.put(option.group(1).toLowerCase(Locale.ROOT), option.group(2));
            }
            String connector = options.getOrDefault("connector", "");
            if (!connector.equals("kafka") && !connector.equals("upsert-kafka")) {
                continue;
            }
            String group = options.get("properties.group.id");
            boolean looksLikeSource = group != null || options.containsKey("scan.startup.mode");
            if (!looksLikeSource) {
                continue; // a sink: what it writes is judged by the checks, not waited for here
            }
            if (options.containsKey("topic-pattern")) {
                unmeasured.add("Flink source in " + file.displayName() + " (reads a topic pattern)");
            } else if (group == null) {
                unmeasured.add("Flink source of " + options.getOrDefault("topic", "?") + " in " + file.displayName()
                        + " (no properties.group.id, so it commits no offsets)");
            } else if (options.containsKey("topic")) {
                groups.computeIfAbsent(group, key -> new LinkedHashSet<>()).addAll(split(options.get("topic"), ";"));
            }
        }
    }

    private static List<String> split(String list, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(Pattern.quote(separator))) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
