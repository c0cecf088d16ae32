package dev.pipelineharness.generators.business;

import dev.pipelineharness.generators.GeneratedRecords;

/** Every record the scenario's {@code business-events} generators produced into the raw topic, duplicates included. */
public final class GeneratedBusinessEvents extends GeneratedRecords<RawRecord> {
}
