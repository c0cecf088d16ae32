package dev.pipelineharness.cli;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunFinished;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.RunStarted;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.events.TimelineEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What a person watching the run sees. On a terminal: one line per finished scenario and a status line
 * redrawn twice a second (scenario n/m, the phase of each running scenario, its current fault, events
 * generated, checks settled, elapsed). Elsewhere (CI): plain timestamped lines as things happen.
 * Details go to the reports, so a green run fits on one screen.
 */
final class Progress implements RunListener, AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final Pattern COUNT = Pattern.compile(".*\\.(sent|written|committed)$");

    private final PrintStream out;
    private final boolean terminal;
    private final int width;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private long start = System.nanoTime();
    private int total;
    private int finished;
    private long generated;
    private int checksPassed;
    private int checksFailed;
    private boolean statusShown;
    /** Every scenario has finished: the status line stays cleared. */
    private boolean allFinished;

    private static final class Running {
        final ScenarioRef ref;
        Phase phase = Phase.TOPOLOGY;
        final List<String> faults = new ArrayList<>();

        Running(ScenarioRef ref) {
            this.ref = ref;
        }
    }

    Progress(PrintStream out, boolean terminal, int width) {
        this.out = out;
        this.terminal = terminal;
        this.width = Math.max(40, width);
    }

    @Override
    public synchronized void runStarted(RunStarted run) {
        start = System.nanoTime();
        total = run.scenarios();
        line("run " + run.runId() + ": " + total + " scenario(s) on topology '" + run.defaultTopology() + "'"
                + (run.seedOverride().isPresent() ? ", seed " + run.seedOverride().getAsLong() + " for every scenario" : "")
                + (run.parallelism() > 1 ? ", " + run.parallelism() + " at a time" : ""));
        if (terminal && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pipeline-harness-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::redraw, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void scenarioStarted(ScenarioRef scenario) {
        running.put(scenario.uniqueId(), new Running(scenario));
        if (!terminal) {
            line("[" + scenario.index() + "/" + total + "] " + scenario.name() + " (" + scenario.file() + ", seed "
                    + scenario.seed() + ")");
        }
    }

    @Override
    public synchronized void phaseStarted(ScenarioRef scenario, Phase phase) {
        Running state = running.get(scenario.uniqueId());
        if (state != null) {
            state.phase = phase;
        }
        if (!terminal && phase != Phase.TOPOLOGY && phase != Phase.UNDEPLOY) {
            line("[" + scenario.index() + "/" + total + "] " + scenario.name() + ": " + phase.label());
        }
    }

    @Override
    public synchronized void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
        Running state = running.get(scenario.uniqueId());
        // a fault describes itself with its kind first ("restart postgres"): print that once
        String fault = event.detail().startsWith(event.name()) ? event.detail() : event.name() + " " + event.detail();
        switch (event.kind()) {
            case FAULT_INJECTED -> {
                if (state != null) {
                    state.faults.add(event.detail());
                }
                line("[" + scenario.index() + "/" + total + "] " + scenario.name() + ": fault injected at "
                        + seconds(event.at()) + ": " + fault);
            }
            case FAULT_HEALED -> {
                if (state != null) {
                    state.faults.remove(event.detail());
                }
                line("[" + scenario.index() + "/" + total + "] " + scenario.name() + ": healed at " + seconds(event.at())
                        + ": " + fault);
            }
            case FAULT_FAILED, GENERATOR_FAILED -> line("[" + scenario.index() + "/" + total + "] " + scenario.name()
                    + ": " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + fault);
            default -> { }
        }
    }

    @Override
    public synchronized void figure(ScenarioRef scenario, String key, String value) {
        if (key.startsWith("generate[") && COUNT.matcher(key).matches()) {
            try {
                generated += Long.parseLong(value.trim());
            } catch (NumberFormatException notACount) {
                // only counts add up
            }
        }
    }

    @Override
    public synchronized void checkSettled(ScenarioRef scenario, CheckResult check) {
        if (check.passed()) {
            checksPassed++;
            if (check.measurement()) {
                line("[" + scenario.index() + "/" + total + "] " + scenario.name() + ": " + check.summary());
            }
            return;
        }
        checksFailed++;
        line("[" + scenario.index() + "/" + total + "] " + scenario.name() + ": FAILED " + check.name() + ": " + check.summary());
    }

    @Override
    public synchronized void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        running.remove(scenario.uniqueId());
        finished++;
        String detail = firstLine(result.detail());
        line(String.format(Locale.ROOT, "[%d/%d] %-11s %7s  %s%s", scenario.index(), total, symbol(result.status())
                + " " + result.status().name().replace('_', ' '), seconds(result.took()), scenario.name(),
                detail.isEmpty() ? "" : " (" + detail + ")"));
        if (finished == total) {
            // the engine prints its summary next, before the run's end reaches listeners: no status line in its way
            allFinished = true;
            close();
            clearStatus();
        }
    }

    @Override
    public synchronized void runFinished(RunFinished run) {
        close();
        clearStatus();
    }

    private static String symbol(ScenarioResult.Status status) {
        return switch (status) {
            case PASSED -> "\u2714";
            case SKIPPED -> "-";
            case INTERRUPTED -> "!";
            default -> "\u2718";
        };
    }

    synchronized void redraw() {
        if (allFinished) {
            return;
        }
        StringBuilder status = new StringBuilder();
        status.append('[').append(finished).append('/').append(total).append("] ").append(seconds(elapsed()));
        for (Running state : running.values()) {
            status.append(" | ").append(state.ref.name()).append(": ").append(state.phase.label());
            if (!state.faults.isEmpty()) {
                status.append(" (fault: ").append(String.join(", ", state.faults)).append(')');
            }
        }
        status.append(" | ").append(String.format(Locale.ROOT, "%,d", generated)).append(" events generated, checks ")
                .append(checksPassed).append(" passed");
        if (checksFailed > 0) {
            status.append(", ").append(checksFailed).append(" failed");
        }
        String text = status.length() > width - 1 ? status.substring(0, width - 2) + "\u2026" : status.toString();
        out.print("\r\u001b[2K" + text);
        out.flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\u001b[2K");
            out.flush();
            statusShown = false;
        }
    }

    /** A permanent line: above the status line on a terminal, with the time of day elsewhere. */
    private void line(String text) {
        if (terminal) {
            clearStatus();
            out.println(text);
        } else {
            out.println(LocalTime.now().format(CLOCK) + " " + text);
        }
        out.flush();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 60_000 ? String.format(Locale.ROOT, "%.1fs", millis / 1000.0)
                : String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
