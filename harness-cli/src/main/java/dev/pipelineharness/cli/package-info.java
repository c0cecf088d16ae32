/**
 * The command line behind {@code ./harness}: {@code run}, {@code list}, {@code validate}, {@code rerun-failed},
 * {@code replay} and {@code bench}, built on picocli and the JUnit Platform launcher, with progress on a
 * terminal (plain timestamped lines elsewhere), exit codes a CI can act on, and a clean stop on Ctrl-C
 * and SIGTERM that still writes the reports.
 */
package dev.pipelineharness.cli;
