/**
 * Helpers for provider authors that are not part of the SPI itself (like JUnit's
 * {@code engine.support}): they depend on nothing, and nothing in the SPI requires them.
 */
package dev.pipelineharness.api.support;
