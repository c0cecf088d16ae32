package dev.pipelineharness.scenarios;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The shipped scenarios, the suite ({@code scenarios/suite}) and the fault scenarios
 * ({@code scenarios/faults}), on one embedded topology, in Failsafe's integration-test phase, as
 * {@code ./harness run} runs them. Three at a time: a scenario whose fault disturbs others still runs
 * alone (the engine waits for the running ones and readies the topology after it), while one that
 * faults only its own resources (its connector, its Flink job) runs beside another. One topology for
 * both folders saves a whole start (20 to 35 s here), and the topology is kept for the JVM: MutantsIT,
 * which runs before this class in the same Failsafe JVM, starts it and leaves it running. The {@code @Suite} class is what makes Failsafe
 * count each check as a test and fail the build when one fails (an engine without class sources
 * would otherwise report "Tests run: 0"; see docs/quick-start.md).
 */
@Suite
@IncludeEngines("pipeline-harness")
@SelectDirectories({"suite", "faults"})
@ConfigurationParameter(key = "pipeline-harness.parallelism", value = "3")
@ConfigurationParameter(key = "pipeline-harness.topology.keep-for-jvm", value = "true")
class ScenarioSuiteIT {
}
