package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.support.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics and PostgreSQL tables a pipeline declares, so a setting that names one is checked at
 * load time: topics from {@code pipeline.yaml}, tables from the {@code CREATE TABLE} statements of
 * its DDL files. A scenario made outside a pipeline ({@link DefinitionContext#detached()}) accepts
 * every name.
 */
public final class PipelineNames {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");

    private PipelineNames() {
    }

    /** The table names the pipeline's DDL creates, lower-cased as PostgreSQL folds unquoted names. */
    public static Set<String> tables(DefinitionContext definition) {
        Set<String> tables = new TreeSet<>();
        for (PipelineFile file : definition.pipeline().map(p -> p.postgresDdl()).orElse(List.of())) {
            Matcher matcher = CREATE_TABLE.matcher(withoutComments(file.text()));
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Throws the load-time error for a topic the pipeline does not declare. */
    public static String requireTopic(Params params, String key, DefinitionContext definition) {
        String topic = params.string(key);
        if (definition.pipeline().isPresent() && !definition.topics().contains(topic)) {
            throw params.error(key, "topic '" + topic + "' is not declared by pipeline '"
                    + definition.pipeline().get().name() + "'" + Suggestions.didYouMean(topic, definition.topics())
                    + "; declared: " + (definition.topics().isEmpty() ? "none" : String.join(", ", definition.topics())));
        }
        return topic;
    }

    /** Throws the load-time error for a table the pipeline's DDL does not create. */
    public static String requireTable(Params params, String key, DefinitionContext definition) {
        String table = params.string(key);
        Set<String> tables = tables(definition);
        if (definition.pipeline().isPresent() && !tables.contains(table)) {
            throw params.error(key, "table '" + table + "' is not created by the DDL of pipeline '"
                    + definition.pipeline().get().name() + "'" + Suggestions.didYouMean(table, tables)
                    + "; created: " + (tables.isEmpty() ? "none" : String.join(", ", tables)));
        }
        return table;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }
}
