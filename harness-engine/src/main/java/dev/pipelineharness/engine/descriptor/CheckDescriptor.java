package dev.pipelineharness.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.engine.scenario.CheckStep;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One check of a scenario, reported as one test. It carries its scenario's tags, so tag filters
 * ({@code -Dgroups=smoke}) select the checks, and with them their scenario.
 */
@API(status = INTERNAL, since = "0.1")
public final class CheckDescriptor extends AbstractTestDescriptor {

    public static final String SEGMENT_TYPE = "check";

    private final CheckStep step;
    private final Set<TestTag> tags;

    CheckDescriptor(UniqueId uniqueId, CheckStep step, TestSource source, Set<TestTag> tags) {
        super(uniqueId, step.check().describe(), source);
        this.step = step;
        this.tags = Set.copyOf(tags);
    }

    public CheckStep step() {
        return step;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
