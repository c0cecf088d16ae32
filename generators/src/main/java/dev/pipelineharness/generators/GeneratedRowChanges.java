package dev.pipelineharness.generators;

/** Every committed PostgreSQL change of the scenario ({@code entity-changes}, {@code reference-data}), in commit order. */
public final class GeneratedRowChanges extends GeneratedRecords<RowChange> {
}
