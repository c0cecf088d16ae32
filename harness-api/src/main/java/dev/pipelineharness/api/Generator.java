package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Produces one kind of data into a deployment (a topic, PostgreSQL tables, a DynamoDB table) and
 * records what it wrote in the scenario's store for the oracle and the ledger.
 *
 * <p>{@link #generate} runs on the scenario's timeline, beside faults; the engine bounds it by the
 * scenario's timeout and interrupts it past that.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Generator {

    /** What this generator makes, for reports, such as {@code business-events: 1000 at 2000/s}. */
    String describe();

    void generate(GenerationContext context) throws Exception;
}
