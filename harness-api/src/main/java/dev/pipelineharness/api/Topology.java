package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The infrastructure a pipeline runs on: brokers, Flink, databases, connectors, replication. Started
 * once per engine run and shared by every scenario of it; each scenario {@linkplain #deploy deploys}
 * its pipeline into its own namespace.
 *
 * <p>Implementations: {@code embedded} (processes the harness owns and can kill), {@code containers}
 * (Testcontainers) and {@code cloud} (Confluent Cloud and AWS, where faults go through APIs).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Topology extends AutoCloseable {

    String name();

    /** Starts every component and returns once all are ready; bounded by the settings' start timeout. */
    void start() throws Exception;

    Endpoints endpoints();

    /**
     * The fault kinds ({@link Fault#kind()}) this topology can inject. A scenario asking for any other
     * is skipped with that reason, never passed. A topology with a
     * {@link dev.pipelineharness.api.control.TopologyControl} returns what it offers
     * ({@code TopologyControl.faultKinds()}).
     */
    Set<String> supportedFaults();

    /**
     * A capability the faults of this topology act through ({@link dev.pipelineharness.api.control.TopologyControl} above all, or a
     * cloud API), or empty when this topology has none of that kind.
     */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Creates the pipeline's topics, tables, connectors and Flink job in {@code namespace}, ready to take data. */
    Deployment deploy(PipelineDefinition pipeline, Namespace namespace) throws Exception;

    /** Stops everything this topology started; safe to call twice and from a shutdown hook. */
    @Override
    void close();
}
