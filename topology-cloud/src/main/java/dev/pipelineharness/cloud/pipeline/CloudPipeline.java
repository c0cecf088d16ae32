package dev.pipelineharness.cloud.pipeline;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A pipeline folder as the cloud runs it. Where Confluent Cloud needs different text, the folder
 * holds an override at the same relative path under {@code cloud/}: {@code flink/routing.sql} is
 * replaced by {@code cloud/flink/routing.sql}, {@code connectors/postgres-cdc.json} by
 * {@code cloud/connectors/postgres-cdc.json}, a DDL file likewise. Overrides are read here, so the
 * engine's loader stays topology-blind.
 *
 * <p>A file that cannot run on the cloud as written and has no override is an error naming the file,
 * the line and the override it lacks: Flink SQL with {@code 'connector'} options (Confluent Cloud
 * tables are the cluster's topics) and connectors with a self-managed class (a dotted Java class
 * name instead of a managed one such as {@code PostgresCdcSourceV2}).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudPipeline {

    /** The folder, inside a pipeline folder, that holds the cloud's overrides. */
    public static final String OVERRIDES = "cloud";

    private static final Pattern CONNECTOR_OPTION = Pattern.compile("'connector'\\s*=");
    private static final Pattern CONNECTOR_CLASS = Pattern.compile("\"connector\\.class\"\\s*:\\s*\"([^\"]+)\"");

    /** A Flink statement to submit: its SQL (placeholders filled later) and where it was written. */
    public record FlinkStatement(String sql, PipelineFile file, int line) {
        public String where() {
            return file.displayName() + ":" + line;
        }

        /** INSERT and EXECUTE STATEMENT SET run until stopped; DDL completes. */
        public boolean runsContinuously() {
            String head = sql.stripLeading().toUpperCase(Locale.ROOT);
            return head.startsWith("INSERT") || head.startsWith("EXECUTE");
        }

        /**
         * The declared topic this statement creates, for {@code CREATE TABLE `${topic.NAME}` ...}: on
         * Confluent Cloud a CREATE TABLE creates its backing topic and registers its key and value
         * schemas, so the harness leaves that topic to the statement.
         */
        public Optional<String> createdTopic() {
            Matcher created = CREATES_TOPIC.matcher(sql);
            return created.lookingAt() ? Optional.of(created.group(1)) : Optional.empty();
        }
    }

    private static final Pattern CREATES_TOPIC = Pattern.compile(
            "(?is)\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`\\$\\{topic\\.([^}]+)}`");

    private final PipelineDefinition pipeline;
    private final List<PipelineFile> ddl;
    private final List<PipelineFile> flinkSql;
    private final List<PipelineFile> connectors;

    private CloudPipeline(PipelineDefinition pipeline, List<PipelineFile> ddl, List<PipelineFile> flinkSql,
                          List<PipelineFile> connectors) {
        this.pipeline = pipeline;
        this.ddl = ddl;
        this.flinkSql = flinkSql;
        this.connectors = connectors;
    }

    /** Picks each file's cloud override and validates what has none; throws before anything is created. */
    public static CloudPipeline of(PipelineDefinition pipeline) {
        List<PipelineFile> ddl = new ArrayList<>();
        for (PipelineFile file : pipeline.postgresDdl()) {
            ddl.add(override(pipeline, file));
        }
        List<PipelineFile> sql = new ArrayList<>();
        for (PipelineFile file : pipeline.flinkSql()) {
            PipelineFile chosen = override(pipeline, file);
            if (chosen == file) {
                Matcher option = CONNECTOR_OPTION.matcher(file.text());
                if (option.find()) {
                    throw lacks(pipeline, file, option.start(), "Confluent Cloud Flink tables are the cluster's topics, "
                            + "with no 'connector' options");
                }
            }
            sql.add(chosen);
        }
        List<PipelineFile> connectorFiles = new ArrayList<>();
        for (PipelineFile file : pipeline.connectors()) {
            PipelineFile chosen = override(pipeline, file);
            if (chosen == file) {
                Matcher connectorClass = CONNECTOR_CLASS.matcher(file.text());
                if (connectorClass.find() && connectorClass.group(1).contains(".")) {
                    throw lacks(pipeline, file, connectorClass.start(), "'" + connectorClass.group(1)
                            + "' is a self-managed connector class; Confluent Cloud runs managed ones "
                            + "(PostgresCdcSourceV2, DynamoDbCdcSource, PostgresSink) with their own keys");
                }
            }
            connectorFiles.add(chosen);
        }
        return new CloudPipeline(pipeline, ddl, sql, connectorFiles);
    }

    public PipelineDefinition definition() {
        return pipeline;
    }

    public List<PipelineFile> ddl() {
        return ddl;
    }

    public List<PipelineFile> connectors() {
        return connectors;
    }

    /** Every statement of every Flink SQL file, in order. */
    public List<FlinkStatement> flinkStatements() {
        List<FlinkStatement> statements = new ArrayList<>();
        for (PipelineFile file : flinkSql) {
            SqlStatements.split(file.text()).forEach(s -> statements.add(new FlinkStatement(s.text(), file, s.line())));
        }
        return statements;
    }

    /** The declared topics (logical names) that a cloud Flink statement creates with CREATE TABLE. */
    public Set<String> flinkCreatedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        flinkStatements().forEach(statement -> statement.createdTopic().ifPresent(topics::add));
        return topics;
    }

    /** The override path of {@code file}: the same path relative to the folder, under {@code cloud/}. */
    static Path overridePath(PipelineDefinition pipeline, PipelineFile file) {
        Path folder = pipeline.folder().toAbsolutePath().normalize();
        Path relative = folder.relativize(file.path().toAbsolutePath().normalize());
        return folder.resolve(OVERRIDES).resolve(relative);
    }

    private static PipelineFile override(PipelineDefinition pipeline, PipelineFile file) {
        Path override = overridePath(pipeline, file);
        if (!Files.isRegularFile(override)) {
            return file;
        }
        Path folder = pipeline.folder().toAbsolutePath().normalize();
        String relative = folder.relativize(file.path().toAbsolutePath().normalize()).toString();
        String display = file.displayName();
        // shown as users see the original: pipelines/x/flink/a.sql -> pipelines/x/cloud/flink/a.sql
        String overrideDisplay = display.endsWith(relative)
                ? display.substring(0, display.length() - relative.length()) + OVERRIDES + "/" + relative
                : override.toString();
        try {
            return new PipelineFile(override, overrideDisplay, Files.readString(override));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + override, e);
        }
    }

    private static ScenarioDefinitionException lacks(PipelineDefinition pipeline, PipelineFile file, int offset,
                                                     String why) {
        Path folder = pipeline.folder().toAbsolutePath().normalize();
        String override = folder.relativize(overridePath(pipeline, file)).toString();
        Location where = locate(file, offset);
        return new ScenarioDefinitionException(where, "",
                "topology 'cloud' cannot run this file as written (" + why + ") and the pipeline folder lacks its cloud "
                        + "override " + override + "; write the cloud's version there (docs/topologies.md, cloud)");
    }

    private static Location locate(PipelineFile file, int offset) {
        String text = file.text();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file.location(line, offset - lineStart + 1);
    }
}
