/**
 * Generators for a team's own pipeline, with no Java: {@code records} makes seeded records from a
 * field specification (Datafaker expressions, value lists, numbers with a distribution, id pools shared
 * between generators, event-time shapes, null rates), {@code replay} writes records recorded in a file
 * (JSON lines, CSV, Debezium change envelopes). Both write to a topic of the pipeline or a table of its
 * DDL and record what was committed or acknowledged in {@link dev.pipelineharness.generators.records.GeneratedRows},
 * which the expectations of module {@code checks} read.
 */
package dev.pipelineharness.generators.records;
