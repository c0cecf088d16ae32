package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Makes a {@link Fault} from a scenario's {@code faults:} entry (without its {@code at} and
 * {@code for}, which the engine's timeline owns); found through {@link java.util.ServiceLoader}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaultProvider {

    String name();

    Fault create(Params params);
}
