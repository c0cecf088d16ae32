package dev.pipelineharness.faults;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.support.Suggestions;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code register-schema: {topic: raw_business_events, schema: schemas/breaking.avsc}}: mid-stream, a
 * schema is registered for the topic's values as a producer with a breaking change would register it
 * on its first send. By default the scenario expects the registry to refuse it ({@code expect:
 * refused}): the subject's compatibility level is what keeps such a producer from reaching the
 * pipeline's consumers, and a registry that accepts the schema fails the scenario, saying the
 * consumers are not protected. {@code expect: accepted} is for a compatible change. Evidence: the
 * registry's answer and the subject's versions before and after. The subject is the deployment's
 * own, so the fault runs beside other scenarios; nothing is healed (a refused schema left nothing, an
 * accepted one stays, as in a real registry).
 */
public final class SchemaRegistrationFaultProvider implements FaultProvider {

    public static final String KIND = "register-schema";

    private final SchemaRegistryCalls registry;

    public SchemaRegistrationFaultProvider() {
        this(new HttpSchemaRegistryCalls());
    }

    SchemaRegistrationFaultProvider(SchemaRegistryCalls registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Fault create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public Fault create(Params params, DefinitionContext definition) {
        params.allowOnly("topic", "schema", "expect");
        String topic = params.string("topic");
        if (definition.pipeline().isPresent()) {
            TopicSpec spec = definition.pipeline().get().topic(topic).orElseThrow(() -> params.error("topic",
                    "topic '" + topic + "' is not declared by pipeline '" + definition.pipeline().get().name() + "'"
                            + Suggestions.didYouMean(topic, definition.topics()) + "; declared: "
                            + String.join(", ", definition.topics())));
            if (!spec.format().equals("avro")) {
                throw params.error("topic", "topic '" + topic + "' has format " + spec.format()
                        + "; its values have no registered schema (format avro has)");
            }
        }
        String written = params.string("schema");
        Path file = definition.resolve(written);
        String schema;
        try {
            schema = Files.readString(file);
        } catch (IOException e) {
            throw params.error("schema", "schema file '" + written + "' cannot be read (looked for " + file + ")");
        }
        try {
            new Schema.Parser().parse(schema);
        } catch (SchemaParseException | NullPointerException e) {
            // Avro 1.12 reports a type it does not know ("recrod") as a NullPointerException naming an unresolved schema
            throw params.error("schema", "schema file '" + written + "' is not an Avro schema: " + e.getMessage());
        }
        boolean expectRefused = params.choice("expect", List.of("refused", "accepted"), "refused").equals("refused");
        return new SchemaRegistration(topic, written, schema, expectRefused, registry);
    }

    /** What the fault asks of the registry (Confluent's REST API), apart so tests can answer it. */
    interface SchemaRegistryCalls {
        /** The versions registered under {@code subject} (empty when it has none). */
        List<Integer> versions(FaultContext context, String subject) throws Exception;

        /** Registers {@code schema} under {@code subject}: the HTTP status and the registry's body. */
        Answer register(FaultContext context, String subject, String schema) throws Exception;
    }

    record Answer(int status, String body) {
    }

    private static final class SchemaRegistration implements Fault {
        private final String topic;
        private final String file;
        private final String schema;
        private final boolean expectRefused;
        private final SchemaRegistryCalls registry;

        SchemaRegistration(String topic, String file, String schema, boolean expectRefused, SchemaRegistryCalls registry) {
            this.topic = topic;
            this.file = file;
            this.schema = schema;
            this.expectRefused = expectRefused;
            this.registry = registry;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return KIND + " " + file + " for " + topic + " (expect " + (expectRefused ? "refused" : "accepted") + ")";
        }

        @Override
        public boolean disturbsOtherScenarios(Topology topology) {
            return false;
        }

        @Override
        public void inject(FaultContext context) throws Exception {
            String subject = context.deployment().topic(topic) + "-value";
            List<Integer> before = registry.versions(context, subject);
            Answer answer = registry.register(context, subject, schema);
            List<Integer> after = registry.versions(context, subject);
            String figures = subject + ": HTTP " + answer.status() + " " + answer.body().strip() + "; versions " + before
                    + " -> " + after;
            boolean refused = answer.status() == 409;
            if (answer.status() == 422) {
                throw new ScenarioDefinitionException(new dev.pipelineharness.api.Location(file, 1, 1), "schema",
                        "the registry finds no valid Avro schema in it: " + answer.body().strip());
            }
            if (!refused && (answer.status() / 100 != 2)) {
                throw new IllegalStateException(describe() + ": the registry answered " + figures);
            }
            if (refused != expectRefused) {
                throw new IllegalStateException(describe() + ": the registry " + (refused ? "refused" : "accepted")
                        + " it (" + figures + ")" + (refused ? "" : ": the subject's compatibility level does not keep"
                        + " a breaking producer from the pipeline's consumers"));
            }
            context.evidence((refused ? "refused as incompatible, " : "accepted, ") + figures);
        }

        @Override
        public void heal(FaultContext context) {
            context.evidence(expectRefused ? "nothing to heal: the refused schema left no version"
                    : "the accepted version stays, as in a real registry");
        }
    }
}
