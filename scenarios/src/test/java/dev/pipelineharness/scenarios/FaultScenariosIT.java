package dev.pipelineharness.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The shipped fault scenarios ({@code scenarios/faults}) on the embedded topology: each faults a
 * shared component, so each runs alone, and the topology must be ready again after it.
 */
@Suite
@IncludeEngines("pipeline-harness")
@SelectDirectories("faults")
class FaultScenariosIT {
}
