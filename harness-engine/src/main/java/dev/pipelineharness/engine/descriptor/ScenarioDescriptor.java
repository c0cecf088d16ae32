package dev.pipelineharness.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.engine.scenario.CheckStep;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A scenario file that was read without error: a container whose tests are its checks. */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioDescriptor extends AbstractTestDescriptor {

    public static final String SEGMENT_TYPE = "scenario";

    private final ScenarioDefinition definition;
    private final ScenarioOrigin origin;

    public ScenarioDescriptor(UniqueId uniqueId, ScenarioDefinition definition, ScenarioOrigin origin) {
        super(uniqueId, definition.name(), ScenarioFileSource.of(origin, definition.location()));
        this.definition = definition;
        this.origin = origin;
    }

    public ScenarioDefinition definition() {
        return definition;
    }

    public ScenarioOrigin origin() {
        return origin;
    }

    /** Makes the test of the check at {@code ordinal}, or empty when the scenario has no such check. */
    public Optional<CheckDescriptor> createCheck(int ordinal) {
        if (ordinal < 0 || ordinal >= definition.checks().size()) {
            return Optional.empty();
        }
        CheckStep step = definition.checks().get(ordinal);
        return Optional.of(new CheckDescriptor(getUniqueId().append(CheckDescriptor.SEGMENT_TYPE, String.valueOf(ordinal)),
                step, ScenarioFileSource.of(origin, step.location()), getTags()));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        definition.tags().forEach(tag -> tags.add(TestTag.create(tag)));
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return definition.name();
    }
}
