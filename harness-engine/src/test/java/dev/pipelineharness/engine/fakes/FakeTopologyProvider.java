package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Backlog;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioSkipped;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A topology that starts nothing and records what the engine asks of it. Supports the fault kind {@code pause}.
 * Pipeline {@code undeployable} fails its deploy; pipeline {@code plan-only} ends its scenario skipped.
 */
public class FakeTopologyProvider implements TopologyProvider {

    @Override
    public String name() {
        return "fake";
    }

    /**
     * It starts nothing, so its runs load nothing and take no turns at the host lock, unless
     * {@code pipeline-harness.fake.runs-on-this-machine=true} (for the tests of those turns).
     */
    @Override
    public boolean runsOnThisMachine(TopologySettings settings) {
        return settings.get("pipeline-harness.fake.runs-on-this-machine").map(Boolean::parseBoolean).orElse(false);
    }

    @Override
    public Topology create(TopologySettings settings) {
        FakeEvents.record("create " + name());
        return new FakeTopology(name(), settings);
    }

    /** The fake topology; {@code pipeline-harness.fake.fail-start=true} makes its start fail. */
    static final class FakeTopology implements Topology {
        private final String name;
        private final TopologySettings settings;

        FakeTopology(String name, TopologySettings settings) {
            this.name = name;
            this.settings = settings;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            FakeEvents.record("start " + name);
            if (settings.get("pipeline-harness.fake.fail-start").isPresent()) {
                throw new IllegalStateException("broker did not come up");
            }
        }

        @Override
        public Endpoints endpoints() {
            return new Endpoints() {
                @Override
                public List<String> regions() {
                    return List.of("east");
                }

                @Override
                public KafkaEndpoint kafka(String region) {
                    return KafkaEndpoint.plaintext(region, "localhost:1");
                }

                @Override
                public Optional<JdbcEndpoint> postgres() {
                    return Optional.empty();
                }

                @Override
                public Optional<DynamoDbEndpoint> dynamoDb() {
                    return Optional.empty();
                }

                @Override
                public Optional<URI> schemaRegistry() {
                    return Optional.empty();
                }
            };
        }

        @Override
        public Set<String> supportedFaults() {
            return Set.of("pause");
        }

        @Override
        public Deployment deploy(PipelineDefinition pipeline, Namespace namespace) {
            FakeEvents.record("deploy " + pipeline.name() + " " + namespace.prefix());
            if (pipeline.name().equals("undeployable")) {
                throw new IllegalStateException("Flink rejected the statement");
            }
            if (pipeline.name().equals("plan-only")) {
                // as the cloud topology's plan mode: the plan is written, nothing was created
                throw new ScenarioSkipped("plan mode: 3 calls written to target/plan.txt");
            }
            return new Deployment() {
                @Override
                public Namespace namespace() {
                    return namespace;
                }

                @Override
                public PipelineDefinition pipeline() {
                    return pipeline;
                }

                @Override
                public Endpoints endpoints() {
                    return FakeTopology.this.endpoints();
                }

                @Override
                public String topic(String logicalName) {
                    return namespace.prefix() + logicalName;
                }

                @Override
                public String postgresSchema() {
                    return namespace.prefix() + "pg";
                }

                @Override
                public String dynamoTable(String logicalName) {
                    return namespace.prefix() + logicalName;
                }

                @Override
                public List<Path> logFiles() {
                    return settings.get("pipeline-harness.fake.log").map(Path::of).map(List::of).orElse(List.of());
                }

                /** {@code pipeline-harness.fake.backlog}: drained or in-flight; otherwise the API's default (unknown). */
                @Override
                public Backlog backlog() {
                    return switch (settings.get("pipeline-harness.fake.backlog").orElse("")) {
                        case "drained" -> Backlog.drained("fake: every group at the end of its input");
                        case "in-flight" -> Backlog.inFlight("fake: 5 records behind");
                        default -> Deployment.super.backlog();
                    };
                }

                @Override
                public void close() {
                    FakeEvents.record("undeploy " + namespace.scenarioId());
                }
            };
        }

        @Override
        public void close() {
            FakeEvents.record("close " + name);
        }
    }
}
