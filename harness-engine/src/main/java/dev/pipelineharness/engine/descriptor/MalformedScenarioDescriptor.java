package dev.pipelineharness.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A scenario file that could not be read: reported as a failed container carrying the error, so a
 * broken file fails only itself and every other scenario still runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class MalformedScenarioDescriptor extends AbstractTestDescriptor {

    private final RuntimeException error;
    private final ScenarioOrigin origin;

    public MalformedScenarioDescriptor(UniqueId uniqueId, String displayName, ScenarioOrigin origin, RuntimeException error) {
        super(uniqueId, displayName, ScenarioFileSource.of(origin,
                error instanceof ScenarioDefinitionException definition ? definition.location() : Location.ofFile(displayName)));
        this.error = error;
        this.origin = origin;
    }

    /** The file that could not be read. */
    public ScenarioOrigin origin() {
        return origin;
    }

    public RuntimeException error() {
        return error;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Kept even though it has no tests (the launcher prunes empty containers), so its failure is seen. */
    @Override
    public boolean mayRegisterTests() {
        return true;
    }
}
