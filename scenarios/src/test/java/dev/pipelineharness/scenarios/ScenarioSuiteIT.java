package dev.pipelineharness.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The shipped scenario suite ({@code scenarios/suite}) on the embedded topology, in Failsafe's
 * integration-test phase. The {@code @Suite} class is what makes Failsafe count each check as a test
 * and fail the build when one fails (an engine without class sources would otherwise report
 * "Tests run: 0"; see docs/quick-start.md).
 */
@Suite
@IncludeEngines("pipeline-harness")
@SelectDirectories("suite")
class ScenarioSuiteIT {
}
