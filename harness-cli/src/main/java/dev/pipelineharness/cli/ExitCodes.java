package dev.pipelineharness.cli;

/** What {@code ./harness} returns, for CI and scripts. */
final class ExitCodes {

    /** Every scenario passed (or was skipped with a reason). */
    static final int GREEN = 0;
    /** A check failed, or a scenario broke (deploy, generator, fault). */
    static final int RED = 1;
    /** Bad input: a scenario or pipeline file does not validate, an unknown option, nothing to run. */
    static final int BAD_INPUT = 2;
    /** The topology could not start. */
    static final int TOPOLOGY = 3;
    /** Interrupted by Ctrl-C (SIGINT) or SIGTERM; the reports were still written. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
