package dev.pipelineharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.StubDeployment;
import dev.pipelineharness.testkit.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register-schema against a fake registry: the answer it expects, the one it refuses, and its evidence. */
class SchemaRegistrationFaultProviderTest {

    private static final StubDeployment STUB = new StubDeployment("t", null);
    private static final String SUBJECT = STUB.topic("raw_events") + "-value";

    @TempDir
    Path folder;
    private DefinitionContext definition;
    private final List<Integer> versions = new ArrayList<>(List.of(1));
    private final List<String> registered = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private int status = 409;

    private final SchemaRegistrationFaultProvider.SchemaRegistryCalls registry =
            new SchemaRegistrationFaultProvider.SchemaRegistryCalls() {
                @Override
                public List<Integer> versions(FaultContext context, String subject) {
                    return List.copyOf(versions);
                }

                @Override
                public SchemaRegistrationFaultProvider.Answer register(FaultContext context, String subject, String schema) {
                    registered.add(subject + " " + schema.strip());
                    if (status == 200) {
                        versions.add(versions.size() + 1);
                        return new SchemaRegistrationFaultProvider.Answer(200, "id 7");
                    }
                    return new SchemaRegistrationFaultProvider.Answer(status, status == 409
                            ? "Schema being registered is incompatible with an earlier schema" : "Invalid schema");
                }
            };

    @BeforeEach
    void pipeline() throws Exception {
        Files.writeString(folder.resolve("breaking.avsc"), "{\"type\": \"record\", \"name\": \"E\", \"fields\": []}");
        Files.writeString(folder.resolve("not-avro.avsc"), "{\"type\": \"recrod\", \"name\": \"E\"}");
        definition = DefinitionContext.of(new PipelineDefinition("routing", folder, List.of(
                new TopicSpec("raw_events", 3, "avro", Map.of()), new TopicSpec("json_events", 3, "json", Map.of())),
                List.of(), List.of(), List.of(), List.of()), folder);
    }

    private Fault fault(String snippet) {
        return new SchemaRegistrationFaultProvider(registry).create(TestParams.of("faults[0].register-schema", snippet),
                definition);
    }

    @Test
    void aBreakingSchemaTheRegistryRefusesIsTheExpectedOutcomeWithItsAnswerAsEvidence() throws Exception {
        Fault fault = fault("{topic: raw_events, schema: breaking.avsc}");
        assertThat(fault.disturbsOtherScenarios(null)).isFalse();
        fault.inject(context());

        assertThat(registered).containsExactly(SUBJECT + " {\"type\": \"record\", \"name\": \"E\", \"fields\": []}");
        assertThat(evidence).containsExactly("refused as incompatible, " + SUBJECT + ": HTTP 409 Schema being"
                + " registered is incompatible with an earlier schema; versions [1] -> [1]");
        assertThat(fault.describe()).isEqualTo("register-schema breaking.avsc for raw_events (expect refused)");
    }

    @Test
    void aRegistryThatAcceptsTheBreakingSchemaFailsTheScenarioSayingConsumersAreNotProtected() {
        status = 200;
        assertThatThrownBy(() -> fault("{topic: raw_events, schema: breaking.avsc}").inject(context()))
                .hasMessageContaining("the registry accepted it (" + SUBJECT + ": HTTP 200 id 7; versions [1] -> [1, 2])")
                .hasMessageContaining("does not keep a breaking producer from the pipeline's consumers");
    }

    @Test
    void anExpectedAcceptanceIsEvidenceAndARefusalThenFails() throws Exception {
        status = 200;
        fault("{topic: raw_events, schema: breaking.avsc, expect: accepted}").inject(context());
        assertThat(evidence).containsExactly("accepted, " + SUBJECT + ": HTTP 200 id 7; versions [1] -> [1, 2]");

        status = 409;
        assertThatThrownBy(() -> fault("{topic: raw_events, schema: breaking.avsc, expect: accepted}").inject(context()))
                .hasMessageContaining("the registry refused it");
    }

    @Test
    void settingsAreCheckedAgainstThePipelineAtLoadTime() {
        assertThat(Providers.definitionError(() -> fault("{topic: raw_evnts, schema: breaking.avsc}")).getMessage())
                .contains("faults[0].register-schema.topic", "not declared", "did you mean 'raw_events'");
        assertThat(Providers.definitionError(() -> fault("{topic: json_events, schema: breaking.avsc}")).getMessage())
                .contains("has format json");
        assertThat(Providers.definitionError(() -> fault("{topic: raw_events, schema: nope.avsc}")).getMessage())
                .contains("faults[0].register-schema.schema", "cannot be read");
        assertThat(Providers.definitionError(() -> fault("{topic: raw_events, schema: not-avro.avsc}")).getMessage())
                .contains("faults[0].register-schema.schema", "'not-avro.avsc' is not an Avro schema");
        assertThat(Providers.definitionError(() -> fault("{topic: raw_events, schema: breaking.avsc, expect: maybe}"))
                .getMessage()).contains("faults[0].register-schema.expect");
    }

    private FaultContext context() {
        Deployment deployment = STUB;
        return new FaultContext() {
            @Override
            public Topology topology() {
                return null;
            }

            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return new ScenarioStore();
            }

            @Override
            public void evidence(String observation) {
                evidence.add(observation);
            }
        };
    }
}
