package dev.pipelineharness.connect.dynamodb;

import dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceConfig.OutputFormat;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Turns one DynamoDB Streams record into one Kafka Connect record.
 *
 * <ul>
 *   <li>key: the item's key attributes (hash and range key), so Kafka keeps an item's changes in one partition, in order;</li>
 *   <li>value: INSERT and MODIFY give the item's new image as a flat record, what the managed DynamoDB CDC
 *       source emits after its {@code after} extraction; REMOVE gives a tombstone (null value), as that
 *       extraction gives for a delete, so compacted topics and upsert tables drop the item;</li>
 *   <li>headers: {@value #OPERATION_HEADER} (INSERT, MODIFY, REMOVE) and {@value #SEQUENCE_HEADER};</li>
 *   <li>timestamp: the change's approximate creation time;</li>
 *   <li>source partition {@code {stream_arn, shard_id}}, source offset {@code {sequence_number}}.</li>
 * </ul>
 */
final class ChangeRecords {

    static final String OPERATION_HEADER = "dynamodb.op";
    static final String SEQUENCE_HEADER = "dynamodb.sequence.number";
    static final String STREAM_ARN = "stream_arn";
    static final String SHARD_ID = "shard_id";
    static final String SEQUENCE_NUMBER = "sequence_number";

    private final String topic;
    private final OutputFormat format;

    ChangeRecords(String topic, OutputFormat format) {
        this.topic = topic;
        this.format = format;
    }

    /**
     * Connect finds a stored offset by the bytes of its partition's JSON, and its REST API and a
     * restarted worker rebuild those bytes from a parsed {@link java.util.HashMap}: the partition is
     * one too, so its keys always come out in that order (a {@code Map.of} orders them by a salt that
     * differs from JVM to JVM, and the offset would not be found after a worker restart).
     */
    static Map<String, String> sourcePartition(String streamArn, String shardId) {
        Map<String, String> partition = new java.util.HashMap<>();
        partition.put(STREAM_ARN, streamArn);
        partition.put(SHARD_ID, shardId);
        return partition;
    }

    SourceRecord convert(String streamArn, String shardId, Record change) {
        StreamRecord data = change.dynamodb();
        OperationType operation = change.eventName();
        if (data == null || operation == null || operation == OperationType.UNKNOWN_TO_SDK_VERSION) {
            throw new DataException("Stream record " + change.eventID() + " of shard " + shardId
                    + " has no data or an unknown event name '" + change.eventNameAsString() + "'");
        }
        SchemaAndValue key = item(data.keys());
        SchemaAndValue value = SchemaAndValue.NULL;
        if (operation != OperationType.REMOVE) {
            if (!data.hasNewImage()) {
                throw new DataException("Stream record " + data.sequenceNumber() + " (" + operation + ") of shard "
                        + shardId + " has no NEW_IMAGE: the table's stream view type must be NEW_IMAGE or NEW_AND_OLD_IMAGES");
            }
            value = item(data.newImage());
        }
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(OPERATION_HEADER, operation.toString());
        headers.addString(SEQUENCE_HEADER, data.sequenceNumber());
        Long timestamp = data.approximateCreationDateTime() == null ? null : data.approximateCreationDateTime().toEpochMilli();
        return new SourceRecord(sourcePartition(streamArn, shardId), Map.of(SEQUENCE_NUMBER, data.sequenceNumber()),
                topic, null, key.schema(), key.value(), value.schema(), value.value(), timestamp, headers);
    }

    private SchemaAndValue item(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes) {
        if (format == OutputFormat.JSON) {
            return new SchemaAndValue(null, AttributeValues.toMap(attributes));
        }
        return AttributeValues.toStruct(attributes);
    }
}
