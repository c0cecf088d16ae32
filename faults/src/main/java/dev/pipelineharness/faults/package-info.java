/**
 * Fault providers over the control SPI ({@link dev.pipelineharness.api.control}): process faults
 * ({@code kill}, {@code pause}, {@code restart}) on any named component (a deployment's connectors,
 * {@code connect.<name>}, checked against the pipeline at load time) and link faults
 * ({@code link-latency}, {@code link-bandwidth}, {@code link-stall}, {@code link-reset},
 * {@code link-cut}) on any named link, and the {@code region-outage} with its failover runbook on any
 * topology offering {@link dev.pipelineharness.api.control.RegionFailover}. They never reach into one topology's classes, so every
 * topology that offers a component or a link takes them. Each records on the run's timeline what the
 * topology showed after it acted, and fails its scenario when the fault had no effect.
 */
package dev.pipelineharness.faults;
