package dev.pipelineharness.engine.execution;

import static org.awaitility.Awaitility.await;

import dev.pipelineharness.api.Backlog;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.engine.descriptor.CheckDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;

/**
 * Evaluates a scenario's checks after its timeline ended. All checks are polled together, every poll
 * interval (Awaitility drives the rounds): a check that has not passed yet is evaluated until it passes
 * or its {@code within} deadline, counted from the end of the timeline, has passed; a check that has
 * passed is evaluated for the confirmation period more and must pass every time. Each check is
 * reported as soon as it is settled; a failure carries the last failing verdict.
 *
 * <p>A failing check is settled before its deadline when waiting longer cannot change it: the
 * deployment says its pipeline has {@linkplain Backlog#drained() drained} (everything written has
 * been consumed and committed), and both that and the check's verdict have stayed the same for the
 * settle period. A caught mutant then fails in seconds instead of idling to its deadline; a check
 * that passes is untouched, and a topology that cannot tell (CDC sources, faults) waits as before.
 */
final class CheckPhase {

    /** What the phase reports about one check when it is settled. */
    interface Reporter {
        void passed(CheckDescriptor check, Verdict verdict, Duration took);

        /** {@code lastVerdict} is the last failing verdict, or null when the last evaluation threw. */
        void failed(CheckDescriptor check, Verdict lastVerdict, Throwable failure, Duration took);
    }

    private enum State { POLLING, CONFIRMING, PASSED, FAILED }

    private static final class Tracked {
        final CheckDescriptor descriptor;
        final long deadline;
        State state = State.POLLING;
        long confirmUntil;
        long passedAt;
        /** When the failing verdict last changed (its message), for settling once the pipeline has drained. */
        long failingSince;
        String failingMessage;
        Verdict lastVerdict;
        Exception lastError;

        Tracked(CheckDescriptor descriptor, long deadline) {
            this.descriptor = descriptor;
            this.deadline = deadline;
        }
    }

    /** Even a check at its deadline gets this long for one evaluation. */
    private static final Duration MINIMUM_EVALUATION_TIME = Duration.ofSeconds(10);

    private final Duration pollInterval;
    private final Duration confirmPeriod;
    private final Duration drainedSettle;
    private final Supplier<Backlog> backlog;
    private java.util.concurrent.ExecutorService evaluator;
    /** Since when the pipeline has been seen drained without a break, or -1. */
    private long drainedSince = -1;
    private Backlog lastBacklog;

    CheckPhase(Duration pollInterval, Duration confirmPeriod) {
        this(pollInterval, confirmPeriod, Duration.ZERO, () -> Backlog.unknown("not asked"));
    }

    /**
     * @param drainedSettle how long a failing verdict and a drained pipeline must both hold before the
     *                      check is settled failed ahead of its deadline; zero never settles early
     * @param backlog       the deployment's backlog, asked once a round while a check is failing
     */
    CheckPhase(Duration pollInterval, Duration confirmPeriod, Duration drainedSettle, Supplier<Backlog> backlog) {
        this.pollInterval = pollInterval;
        this.confirmPeriod = confirmPeriod;
        this.drainedSettle = drainedSettle;
        this.backlog = backlog;
    }

    void run(String scenario, List<CheckDescriptor> checks, CheckContext context, Reporter reporter) {
        long start = System.nanoTime();
        List<Tracked> tracked = new ArrayList<>();
        long lastDeadline = start;
        for (CheckDescriptor check : checks) {
            long deadline = start + check.step().check().within().toNanos();
            tracked.add(new Tracked(check, deadline));
            lastDeadline = Math.max(lastDeadline, deadline);
        }
        Duration bound = Duration.ofNanos(lastDeadline - start).plus(confirmPeriod).plus(pollInterval.multipliedBy(2))
                .plus(MINIMUM_EVALUATION_TIME.multipliedBy(2));
        evaluator = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-harness-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            await("the checks of '" + scenario + "' to pass or reach their deadline")
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval)
                    .atMost(bound)
                    .until(() -> round(tracked, context, reporter, start));
        } catch (ConditionTimeoutException e) {
            // only an evaluation that itself blocks for a long time gets here: report what is still open
            for (Tracked check : tracked) {
                if (check.state == State.POLLING || check.state == State.CONFIRMING) {
                    settleFailed(check, reporter, start, "the check did not settle within " + Durations.format(bound)
                            + " (an evaluation took too long)");
                }
            }
        } finally {
            evaluator.shutdownNow();
        }
    }

    private boolean round(List<Tracked> tracked, CheckContext context, Reporter reporter, long start) {
        stopIfInterrupted();
        boolean open = false;
        observeBacklog(tracked);
        for (Tracked check : tracked) {
            if (check.state == State.PASSED || check.state == State.FAILED) {
                continue;
            }
            Verdict verdict = evaluate(check, context);
            long now = System.nanoTime();
            if (check.state == State.POLLING) {
                if (verdict != null && verdict.passed()) {
                    check.passedAt = now;
                    check.confirmUntil = now + confirmPeriod.toNanos();
                    check.state = State.CONFIRMING;
                } else if (now >= check.deadline) {
                    settleFailed(check, reporter, start, "not satisfied within "
                            + Durations.format(check.descriptor.step().check().within()) + " after the timeline ended"
                            + whyNotSettledEarlier());
                    continue;
                } else if (verdict != null && verdict.conclusive()) {
                    settleFailedEarly(check, reporter, start, now, "the check judged its failure conclusive, so waiting"
                            + " could not change it");
                    continue;
                } else if (settledByDrainedPipeline(check, verdict, now)) {
                    settleFailedEarly(check, reporter, start, now, "the pipeline had drained (" + lastBacklog.evidence()
                            + ") and neither that nor this verdict changed for " + Durations.format(drainedSettle)
                            + ", so waiting longer could not change it");
                    continue;
                }
            } else if (verdict == null || !verdict.passed()) {
                settleFailed(check, reporter, start, "passed after " + Durations.format(Duration.ofNanos(check.passedAt - start))
                        + " but failed during the " + Durations.format(confirmPeriod) + " confirmation period");
                continue;
            }
            if (check.state == State.CONFIRMING && now >= check.confirmUntil) {
                check.state = State.PASSED;
                reporter.passed(check.descriptor, check.lastVerdict, Duration.ofNanos(now - start));
                continue;
            }
            open = true;
        }
        return !open;
    }

    /** Asks for the backlog once a round, and only while some check is failing (asking costs Kafka calls). */
    private void observeBacklog(List<Tracked> tracked) {
        if (drainedSettle.isZero()) {
            return;
        }
        boolean anyFailing = tracked.stream().anyMatch(check -> check.state == State.POLLING && check.failingMessage != null);
        if (!anyFailing) {
            drainedSince = -1;
            return;
        }
        Backlog now;
        try {
            now = backlog.get();
        } catch (RuntimeException e) {
            now = Backlog.unknown("asking for the backlog failed: " + e);
        }
        if (!now.drained() || lastBacklog == null || !now.equals(lastBacklog)) {
            // drained at other offsets (more input came and went) starts the settle period again
            drainedSince = now.drained() ? System.nanoTime() : -1;
        }
        lastBacklog = now;
    }

    /** Why a failing check waited its whole deadline: what the backlog said last, when it was asked. */
    private String whyNotSettledEarlier() {
        if (drainedSettle.isZero() || lastBacklog == null) {
            return "";
        }
        return switch (lastBacklog.state()) {
            case DRAINED -> "; the pipeline had drained, but the verdict kept changing";
            case IN_FLIGHT -> "; the pipeline had not drained: " + lastBacklog.evidence();
            case UNKNOWN -> "; whether the pipeline had drained is unknown: " + lastBacklog.evidence();
        };
    }

    private boolean settledByDrainedPipeline(Tracked check, Verdict verdict, long now) {
        if (drainedSettle.isZero() || verdict == null) {
            check.failingMessage = null;
            return false;
        }
        String message = verdict.message();
        if (!message.equals(check.failingMessage)) {
            check.failingMessage = message;
            check.failingSince = now;
            return false;
        }
        long settle = drainedSettle.toNanos();
        return drainedSince >= 0 && now - drainedSince >= settle && now - check.failingSince >= settle;
    }

    /**
     * One evaluation, on the evaluator thread and bounded: a check that blocks (a consumer that never
     * returns) is interrupted when its deadline has passed, and the evaluation counts as an error.
     */
    private Verdict evaluate(Tracked check, CheckContext context) {
        long remaining = Math.max(check.deadline, check.confirmUntil) - System.nanoTime();
        Duration bound = Duration.ofNanos(Math.max(remaining, 0)).plus(MINIMUM_EVALUATION_TIME);
        java.util.concurrent.Future<Verdict> running = evaluator.submit(() -> check.descriptor.step().check().evaluate(context));
        try {
            Verdict verdict = running.get(bound.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (verdict == null) {
                throw new IllegalStateException(check.descriptor.getDisplayName() + " returned no verdict");
            }
            check.lastVerdict = verdict;
            check.lastError = null;
            return verdict;
        } catch (java.util.concurrent.ExecutionException e) {
            check.lastError = e.getCause() instanceof Exception cause ? cause : e;
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            check.lastError = new java.util.concurrent.TimeoutException("one evaluation took longer than "
                    + Durations.format(bound) + " and was interrupted");
            return null;
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            check.lastError = e;
            stopIfInterrupted();
            return null;
        }
    }

    /**
     * Ctrl-C or SIGTERM: the checks stop at once instead of polling on to their deadlines (the interrupt
     * stays set, so the scenario is reported interrupted; its unsettled checks are reported not evaluated).
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("the run was interrupted while the checks were polled");
        }
    }

    /** A failure settled before the check's deadline, saying when and why. */
    private static void settleFailedEarly(Tracked check, Reporter reporter, long start, long now, String why) {
        settleFailed(check, reporter, start, "settled after " + Durations.format(Duration.ofNanos(now - start))
                + " of its " + Durations.format(check.descriptor.step().check().within()) + ": " + why);
    }

    private static void settleFailed(Tracked check, Reporter reporter, long start, String when) {
        check.state = State.FAILED;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (check.lastError != null) {
            reporter.failed(check.descriptor, null, new AssertionFailedError(check.descriptor.getDisplayName()
                    + ": evaluating the check failed: " + check.lastError + System.lineSeparator() + "(" + when + ")",
                    check.lastError), took);
            return;
        }
        String message = check.lastVerdict == null ? "no verdict" : check.lastVerdict.message();
        reporter.failed(check.descriptor, check.lastVerdict, new AssertionFailedError(message + System.lineSeparator() + "(" + when + ")"), took);
    }
}
