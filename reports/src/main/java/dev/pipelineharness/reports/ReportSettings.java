package dev.pipelineharness.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/** The reports' configuration parameters, read from the run's {@code pipeline-harness.*} parameters. */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReportSettings {

    /**
     * The folder of the HTML report ({@code index.html}), the run record ({@code run.json}, and one per run
     * under {@code runs/}) and the JUnit XML ({@code junit.xml}); relative paths are resolved against the
     * working directory. Default: {@value #DEFAULT_REPORT_DIR}.
     */
    public static final String REPORT_DIR_PROPERTY_NAME = "pipeline-harness.report.dir";

    /** Default of {@link #REPORT_DIR_PROPERTY_NAME}. */
    public static final String DEFAULT_REPORT_DIR = "target/harness-report";

    /** {@code false} writes no reports at all (the run record included). Default: {@code true}. */
    public static final String ENABLED_PROPERTY_NAME = "pipeline-harness.report.enabled";

    private ReportSettings() {
    }

    static Path reportDir(Map<String, String> configuration) {
        return Path.of(configuration.getOrDefault(REPORT_DIR_PROPERTY_NAME, DEFAULT_REPORT_DIR)).toAbsolutePath();
    }

    static boolean enabled(Map<String, String> configuration) {
        return !"false".equalsIgnoreCase(configuration.getOrDefault(ENABLED_PROPERTY_NAME, "true").trim());
    }
}
