package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.formats.avro.AvroRegistries;
import dev.pipelineharness.formats.avro.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code registered-schemas: {topic: NAME, versions: N, compatibility: BACKWARD, within: 30s}}: the
 * schema registry holds exactly N versions of the topic's value schema (subject {@code <topic>-value}),
 * under the given compatibility level (optional). Proves that a schema change a scenario makes really
 * reached the registry, rather than every record having been written with one schema.
 */
public final class RegisteredSchemasCheckProvider implements CheckProvider {

    static final List<String> LEVELS = List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
            "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    @Override
    public String name() {
        return "registered-schemas";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("topic", "versions", "compatibility", "within");
        String topic = params.string("topic");
        int versions = params.intValue("versions", 1);
        if (versions < 1) {
            throw params.error("versions", "must be at least 1, was " + versions);
        }
        String compatibility = null;
        if (params.has("compatibility")) {
            compatibility = params.string("compatibility").toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(compatibility)) {
                throw params.error("compatibility", "'" + params.string("compatibility") + "' is not one of "
                        + String.join(", ", LEVELS));
            }
        }
        return List.of(new RegisteredSchemasCheck(topic, versions, compatibility, CheckSettings.within(params)));
    }

    /** The pure comparison of what the registry answered with what the scenario expects. */
    static Verdict compare(String subject, int expectedVersions, List<Integer> versions, String expectedLevel, String level) {
        DiffReport report = new DiffReport("subject " + subject + " versions", expectedVersions, versions.size());
        List<String> wrong = new ArrayList<>();
        if (versions.size() != expectedVersions) {
            wrong.add("expected " + expectedVersions + " schema version(s), the registry has " + versions.size() + ": " + versions);
        }
        if (expectedLevel != null && !expectedLevel.equals(level)) {
            wrong.add("expected compatibility " + expectedLevel + ", the registry applies " + level);
        }
        return report.section("wrong", wrong).verdict();
    }

    static final class RegisteredSchemasCheck implements Check {

        private final String topic;
        private final int versions;
        private final String compatibility;
        private final Duration within;
        private SchemaRegistryClient registry; // made at the first evaluation, kept across polls

        RegisteredSchemasCheck(String topic, int versions, String compatibility, Duration within) {
            this.topic = topic;
            this.versions = versions;
            this.compatibility = compatibility;
            this.within = within;
        }

        @Override
        public String describe() {
            return "registered-schemas: " + topic + "-value has " + versions + " version(s)"
                    + (compatibility == null ? "" : " under " + compatibility);
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) {
            if (registry == null) {
                registry = AvroRegistries.client(context.deployment());
            }
            String subject = context.deployment().topic(topic) + "-value";
            String level = compatibility == null ? null : registry.compatibility(subject);
            return compare(subject, versions, registry.versions(subject), compatibility, level);
        }
    }
}
