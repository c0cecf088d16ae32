package dev.pipelineharness.local.dynamodb;

import java.util.Optional;

/**
 * A table {@link DynamoDbLocalServer#createTable} made.
 *
 * @param physicalName    the table's name in DynamoDB (the logical name with the run's prefix)
 * @param latestStreamArn the ARN of its stream, empty when the spec asked for no stream
 */
public record CreatedTable(String physicalName, Optional<String> latestStreamArn) {
}
