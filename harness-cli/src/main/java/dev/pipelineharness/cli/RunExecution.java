package dev.pipelineharness.cli;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.engine.PipelineHarnessTestEngine;
import dev.pipelineharness.engine.descriptor.MalformedScenarioDescriptor;
import dev.pipelineharness.reports.ReportFiles;
import dev.pipelineharness.reports.ReportSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run from the command line: validate everything first (exit 2 before anything starts), then run
 * the scenarios through the JUnit Platform launcher, so every auto-registered listener (Allure) takes
 * part, with the progress display and the exit code listening to the engine.
 */
final class RunExecution {

    private final PrintStream out;
    private final PrintStream err;
    private final Console console;

    RunExecution(PrintStream out, PrintStream err, Console console) {
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** How the command line looks at the terminal it was started from. */
    record Console(boolean terminal, int width) {

        static Console detect() {
            int width = 120;
            try {
                width = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim());
            } catch (NumberFormatException ignored) {
                // keep the default
            }
            return new Console(System.console() != null, width);
        }
    }

    int run(ScenarioSelection selection, List<org.junit.platform.engine.DiscoverySelector> selectors,
            Map<String, String> parameters, Interrupts interrupts) {
        LauncherDiscoveryRequest request = selection.request(selectors, parameters);
        Discovery discovery = Discovery.of(request);
        if (!discovery.malformed().isEmpty()) {
            printMalformed(discovery.malformed());
            return ExitCodes.BAD_INPUT;
        }
        if (discovery.scenarios().isEmpty()) {
            err.println("pipeline-harness: no scenario to run (nothing matched the paths, --tags or --name given)");
            return ExitCodes.BAD_INPUT;
        }
        RunOutcome outcome = new RunOutcome();
        Progress progress = new Progress(out, console.terminal(), console.width());
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new PipelineHarnessTestEngine(List.of(progress, outcome)))
                .build());
        AtomicReference<Throwable> broke = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                launcher.execute(request);
            } catch (RuntimeException | Error e) {
                broke.set(e);
            }
        }, "pipeline-harness-run");
        interrupts.install(thread);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            interrupts.trigger("interrupt");
            joinQuietly(thread);
        } finally {
            progress.close();
        }
        if (broke.get() != null) {
            err.println("pipeline-harness: the run broke: " + broke.get());
            return ExitCodes.RED;
        }
        Path reportDir = Path.of(parameters.getOrDefault(ReportSettings.REPORT_DIR_PROPERTY_NAME,
                ReportSettings.DEFAULT_REPORT_DIR)).toAbsolutePath();
        Path dataDir = Path.of(parameters.getOrDefault(Constants.REPORTS_DIR_PROPERTY_NAME, Constants.DEFAULT_REPORTS_DIR));
        int code = outcome.exitCode(interrupts.interrupted());
        out.println("reports: " + reportDir.resolve(ReportFiles.HTML) + ", " + reportDir.resolve(ReportFiles.JUNIT)
                + ", Allure results in " + System.getProperty("allure.results.directory", "allure-results"));
        out.println("logs:    " + dataDir.resolve("logs") + " (components), "
                + System.getProperty(ConsoleSetup.LOG_FILE_PROPERTY, "the console") + " (the harness JVM's libraries)");
        out.println("exit " + code + ": " + meaning(code));
        return code;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    void printMalformed(List<MalformedScenarioDescriptor> malformed) {
        err.println("pipeline-harness: " + malformed.size() + " scenario file(s) do not validate; nothing was started:");
        for (MalformedScenarioDescriptor bad : malformed) {
            err.println("  " + bad.error().getMessage());
        }
    }

    static String meaning(int code) {
        return switch (code) {
            case ExitCodes.GREEN -> "all green";
            case ExitCodes.RED -> "a check failed or a scenario broke (see the report)";
            case ExitCodes.BAD_INPUT -> "bad input";
            case ExitCodes.TOPOLOGY -> "the topology could not start or cannot run here (see above and the logs)";
            case ExitCodes.INTERRUPTED -> "interrupted; the reports mark the scenarios that did not finish";
            default -> "unknown";
        };
    }
}
