package dev.pipelineharness.engine;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Every configuration parameter of the pipeline-harness engine. Each is a JUnit Platform
 * configuration parameter: a system property ({@code -Dpipeline-harness.seed=7}), an entry of
 * {@code junit-platform.properties} on the test classpath, a {@code @ConfigurationParameter} of a
 * {@code @Suite} class, or a {@code --config} option of the console launcher. Durations are written
 * {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}.
 */
@API(status = STABLE, since = "0.1")
public final class Constants {

    /** The id of the engine, for {@code @IncludeEngines} and {@code --include-engine}. */
    public static final String ENGINE_ID = "pipeline-harness";

    /** The suffix that makes a file a scenario: {@value}. */
    public static final String SCENARIO_FILE_SUFFIX = ".scenario.yaml";

    /**
     * The topology used by scenarios that name none in their {@code topology:} section: {@code embedded},
     * {@code containers}, {@code cloud} or any other {@code TopologyProvider} on the classpath. A
     * scenario's own {@code topology:} wins. Default: {@value #DEFAULT_TOPOLOGY}.
     */
    public static final String TOPOLOGY_PROPERTY_NAME = "pipeline-harness.topology";

    /** Default of {@link #TOPOLOGY_PROPERTY_NAME}. */
    public static final String DEFAULT_TOPOLOGY = "embedded";

    /**
     * The seed of scenarios that set none in their {@code seed:} section. Generator {@code i} (counting
     * from 0 in {@code generate:}) gets the seed {@code SplitMix64(scenarioSeed + (i + 1) * 0x9E3779B97F4A7C15)},
     * so one scenario file yields the same data on every machine. Default: {@value #DEFAULT_SEED}.
     */
    public static final String SEED_PROPERTY_NAME = "pipeline-harness.seed";

    /** Default of {@link #SEED_PROPERTY_NAME}. */
    public static final long DEFAULT_SEED = 42L;

    /**
     * A seed that replaces every scenario's own {@code seed:} for this run (the command line's {@code --seed}),
     * to try the same scenarios on other data; generators derive theirs from it as from {@link #SEED_PROPERTY_NAME}.
     * Default: none (each scenario's {@code seed:}, else {@link #SEED_PROPERTY_NAME}).
     */
    @org.apiguardian.api.API(status = org.apiguardian.api.API.Status.EXPERIMENTAL, since = "0.2")
    public static final String SEED_OVERRIDE_PROPERTY_NAME = "pipeline-harness.seed.override";

    /**
     * The folder where the topology keeps data directories and component logs, and where reports are
     * written; relative paths are resolved against the working directory. Default: {@value #DEFAULT_REPORTS_DIR}.
     */
    public static final String REPORTS_DIR_PROPERTY_NAME = "pipeline-harness.reports.dir";

    /** Default of {@link #REPORTS_DIR_PROPERTY_NAME}. */
    public static final String DEFAULT_REPORTS_DIR = "target/harness";

    /**
     * How many scenarios run at the same time on the shared topology (each in its own namespace).
     * Default: {@code 1} (one after the other).
     */
    public static final String PARALLELISM_PROPERTY_NAME = "pipeline-harness.parallelism";

    /**
     * How long the generators and the fault timeline of a scenario may take, for scenarios without a
     * {@code timeout:}; past it, generators are interrupted and the scenario fails. Default: {@code 5m}.
     */
    public static final String DEFAULT_TIMEOUT_PROPERTY_NAME = "pipeline-harness.timeout.default";

    /** How often a check that has not passed yet is evaluated again. Default: {@code 500ms}. */
    public static final String CHECK_POLL_INTERVAL_PROPERTY_NAME = "pipeline-harness.check.poll-interval";

    /**
     * How long a check must keep passing after it first passes, to catch late duplicates or extra
     * records; it is evaluated every poll interval during that time. Default: {@code 2s}.
     */
    public static final String CHECK_CONFIRM_PROPERTY_NAME = "pipeline-harness.check.confirm";

    /**
     * A failing check is settled failed before its {@code within} deadline once the deployment reports
     * its pipeline drained (every consumer group at the end of its input) and neither that nor the
     * check's verdict has changed for this long; {@code 0s} always waits out the deadline. Not applied
     * to scenarios with faults, whose healed components may still be catching up. Default: {@code 5s}.
     */
    public static final String CHECK_DRAINED_SETTLE_PROPERTY_NAME = "pipeline-harness.check.drained-settle";

    /**
     * A regular expression; only scenarios whose name it finds (anywhere in the name, case-insensitive)
     * are run. Default: none (every scenario runs).
     */
    public static final String SCENARIO_NAME_FILTER_PROPERTY_NAME = "pipeline-harness.scenario.name-filter";

    /** {@code true} leaves the topology's data directories behind after the run, for debugging. Default: {@code false}. */
    public static final String KEEP_FILES_PROPERTY_NAME = "pipeline-harness.keep-files";

    /**
     * {@code true}: a topology started by this run stays running when the run ends and the next engine
     * run in the same JVM uses it (with the first run's settings); the JVM's exit stops it. For builds
     * whose tests make several engine runs, such as this project's scenario suite and mutants. Default:
     * {@code false} (the run stops what it started).
     */
    public static final String TOPOLOGY_KEEP_FOR_JVM_PROPERTY_NAME = "pipeline-harness.topology.keep-for-jvm";

    /** How long starting the topology (every component ready) may take before the run fails. Default: {@code 3m}. */
    public static final String TOPOLOGY_START_TIMEOUT_PROPERTY_NAME = "pipeline-harness.topology.start-timeout";

    /**
     * The lock file through which the pipeline-harness runs of one machine take turns: a scenario that
     * runs alone (a fault on a shared component) waits until no other run on the machine is running a
     * scenario or starting a topology, and the other runs start none while it runs, so its timings
     * (latency after a heal, recovery, RTO) measure the fault, not a neighbour's load. {@code none}: this
     * run does not take turns. Default: {@code pipeline-harness-<user>.lock} in {@code java.io.tmpdir}.
     */
    @org.apiguardian.api.API(status = org.apiguardian.api.API.Status.EXPERIMENTAL, since = "0.3")
    public static final String HOST_LOCK_PROPERTY_NAME = "pipeline-harness.host-lock";

    /**
     * How long a scenario waits for its turn at the {@link #HOST_LOCK_PROPERTY_NAME host lock}; past it,
     * it runs anyway and its report says it ran beside another run. Default: {@code 15m}.
     */
    @org.apiguardian.api.API(status = org.apiguardian.api.API.Status.EXPERIMENTAL, since = "0.3")
    public static final String HOST_LOCK_TIMEOUT_PROPERTY_NAME = "pipeline-harness.host-lock.timeout";

    private Constants() {
    }
}
