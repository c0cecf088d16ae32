/**
 * What a run leaves for people who were not there: the run record ({@code run.json}, which the command
 * line's {@code rerun-failed} and {@code replay} read), the self-contained HTML report, JUnit XML and the
 * Allure labels, steps and attachments. Everything is built from the engine's
 * {@link dev.pipelineharness.engine.events.RunListener} events; {@link dev.pipelineharness.reports.RunRecorder}
 * is registered as one, so any run of the engine (Maven, an IDE, the command line) writes the reports.
 */
package dev.pipelineharness.reports;
