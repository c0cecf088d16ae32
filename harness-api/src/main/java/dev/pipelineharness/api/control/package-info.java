/**
 * The control SPI: the named components and links a topology offers, and the operations each
 * supports. Faults act only through these interfaces, never through one topology's classes, so a
 * fault written once runs on every topology that offers its target.
 *
 * <p>The names are the vocabulary scenarios use: components {@code kafka.east}, {@code kafka.west},
 * {@code connect}, {@code postgres}, {@code dynamodb}, {@code mirror-maker}, {@code schema-registry},
 * {@code flink} (a deployment's own job) and {@code connect.<name>} (each of a deployment's own
 * connectors, see {@link dev.pipelineharness.api.control.ConnectorComponents}); links
 * {@code east.kafka} (the harness to a region's brokers), {@code flink->kafka}, {@code connect->kafka}, {@code connect->postgres},
 * {@code connect->dynamodb}, {@code mirror->east} and {@code mirror->west}.
 *
 * <p>A topology with regions to fail over also offers {@link dev.pipelineharness.api.control.RegionFailover}
 * (the {@code region-outage} fault and its runbook), whose {@link dev.pipelineharness.api.control.FailoverReport}
 * the {@code failover} check judges.
 */
package dev.pipelineharness.api.control;
