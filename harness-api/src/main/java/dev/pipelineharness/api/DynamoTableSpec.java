package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A DynamoDB table the pipeline reads from, by logical name ({@code ${dynamodb.table.NAME}} in the
 * pipeline's files).
 *
 * @param hashKey         attribute name of the partition key
 * @param hashKeyType     {@code S}, {@code N} or {@code B}
 * @param rangeKey        attribute name of the sort key, or null
 * @param rangeKeyType    type of the sort key, or null
 * @param streamViewType  {@code NEW_IMAGE}, {@code NEW_AND_OLD_IMAGES}, ... or null for no stream
 */
@API(status = STABLE, since = "0.1")
public record DynamoTableSpec(String name, String hashKey, String hashKeyType, String rangeKey,
                              String rangeKeyType, String streamViewType) {
}
