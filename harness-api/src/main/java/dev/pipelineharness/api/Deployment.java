package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One scenario's copy of the pipeline under test, running on the shared topology in its own
 * {@link Namespace}: topics created, DDL run, connectors created, Flink statements running. Closing
 * it removes all of that and leaves the topology running for the next scenario.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Deployment extends AutoCloseable {

    Namespace namespace();

    PipelineDefinition pipeline();

    Endpoints endpoints();

    /** The physical name of a topic the pipeline declares, such as {@code r1_smoke_raw_business_events}. */
    String topic(String logicalName);

    /** The PostgreSQL schema this deployment's tables live in. */
    String postgresSchema();

    /** The physical name of a DynamoDB table the pipeline declares. */
    String dynamoTable(String logicalName);

    /**
     * Log files worth reading when this scenario fails (component logs of the topology), so a
     * failing scenario can attach their tails.
     */
    List<Path> logFiles();

    /**
     * Whether the pipeline has processed everything written to it so far (asked while checks poll, so
     * it must be quick and must not throw for a stage that is merely slow). The default cannot tell.
     */
    default Backlog backlog() {
        return Backlog.unknown("this topology does not measure its pipeline's backlog");
    }

    /** Undeploys: stops the Flink job and connectors, drops topics, tables and schema. */
    @Override
    void close();
}
