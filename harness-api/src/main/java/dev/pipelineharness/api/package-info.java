/**
 * The service provider interfaces of pipeline-harness: what a topology, a generator, a check and a
 * fault implement, and the small values they exchange. Implementations are found with
 * {@link java.util.ServiceLoader}; the engine itself lives elsewhere and is never imported by them.
 */
package dev.pipelineharness.api;
