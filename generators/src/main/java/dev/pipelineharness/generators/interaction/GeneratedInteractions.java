package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.generators.GeneratedRecords;

/** Every interaction written to DynamoDB, in write order (the order of {@code interaction_data}). */
public final class GeneratedInteractions extends GeneratedRecords<Interaction> {
}
