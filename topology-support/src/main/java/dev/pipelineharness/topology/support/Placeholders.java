package dev.pipelineharness.topology.support;

import static org.apiguardian.api.API.Status.STABLE;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.support.Suggestions;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Fills the {@code ${name}} placeholders of a pipeline file with a topology's values. The names a
 * topology offers are documented in {@code docs/writing-scenarios.md}; among them
 * {@code ${topic.NAME}}, {@code ${namespace}}, {@code ${kafka.bootstrap}}, {@code ${registry.url}},
 * {@code ${postgres.*}} and {@code ${dynamodb.*}}. {@code $${} stands for a literal {@code ${}.
 *
 * <p>A placeholder with no value is an error naming the file, line and column, and the nearest known
 * name, so a typo in a pipeline file never reaches Flink or Connect as a literal {@code ${...}}.
 */
@API(status = STABLE, since = "0.1")
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([A-Za-z0-9_.\\-]+)}");

    private Placeholders() {
    }

    public static String resolve(PipelineFile file, Map<String, String> values) {
        String text = file.text();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            String whole = matcher.group();
            String replacement;
            if (whole.startsWith("$$")) {
                replacement = whole.substring(1);
            } else {
                String name = matcher.group(1);
                replacement = values.get(name);
                if (replacement == null) {
                    throw new ScenarioDefinitionException(locate(file, text, matcher.start()), "${" + name + "}",
                            "unknown placeholder" + Suggestions.didYouMean(name, values.keySet())
                                    + "; known: " + String.join(", ", new TreeSet<>(values.keySet())));
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static Location locate(PipelineFile file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file.location(line, offset - lineStart + 1);
    }
}
