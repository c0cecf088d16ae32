package dev.pipelineharness.local.dynamodb;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.local.connect.ConnectorClient;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Whether the harness's DynamoDB Streams source has read its table's stream to the end: for every
 * shard, nothing is left after the sequence number the connector committed in Kafka Connect (read
 * with {@code GET /connectors/{name}/offsets}), or, for a shard it has not committed, the shard holds
 * no record at all. Connect commits a source offset only once Kafka acknowledged the record, so a
 * shard with nothing after its offset has gone to Kafka whole.
 */
public final class DynamoStreamProgress {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int PAGE = 1000;
    /** A shard with more than this many pages of records at or before the committed one counts as behind. */
    private static final int MAX_PAGES = 10;
    private static final String STREAM_ARN = "stream_arn";
    private static final String SHARD_ID = "shard_id";
    private static final String SEQUENCE_NUMBER = "sequence_number";

    private final DynamoDbEndpoint endpoint;
    private final Function<String, List<Map.Entry<Map<String, String>, Map<String, String>>>> committedOffsets;

    public DynamoStreamProgress(DynamoDbEndpoint endpoint, ConnectorClient connect) {
        this(endpoint, connect::offsets);
    }

    /** @param committedOffsets a connector's committed source offsets by its name, as Connect's REST API answers them */
    DynamoStreamProgress(DynamoDbEndpoint endpoint,
                         Function<String, List<Map.Entry<Map<String, String>, Map<String, String>>>> committedOffsets) {
        this.endpoint = endpoint;
        this.committedOffsets = committedOffsets;
    }

    /** Empty when every connector has read its table's stream to the end, else what is left. */
    public Optional<String> behind(Map<String, String> tableByConnector) {
        if (tableByConnector.isEmpty()) {
            return Optional.empty();
        }
        List<String> behind = new ArrayList<>();
        try (DynamoDbClient tables = DynamoDbClients.client(endpoint, CALL_TIMEOUT);
             DynamoDbStreamsClient streams = DynamoDbClients.streams(endpoint, CALL_TIMEOUT)) {
            tableByConnector.forEach((connector, table) -> {
                String streamArn = tables.describeTable(b -> b.tableName(table)).table().latestStreamArn();
                if (streamArn == null) {
                    behind.add("table " + table + " has no stream");
                    return;
                }
                Map<String, String> committed = committedSequenceNumbers(connector, streamArn);
                for (Shard shard : shards(streams, streamArn)) {
                    String sequenceNumber = committed.get(shard.shardId());
                    Optional<String> next = firstRecordAfter(streams, streamArn, shard.shardId(), sequenceNumber);
                    next.ifPresent(record -> behind.add("connector " + connector + " has not read shard "
                            + shard.shardId() + describe(shard) + " of " + table + "'s stream to the end (committed "
                            + (sequenceNumber == null ? "nothing" : "sequence number " + sequenceNumber)
                            + ", the shard holds " + record + ")"));
                }
            });
        }
        return behind.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", behind));
    }

    private static String describe(Shard shard) {
        boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
        return " (" + (closed ? "closed" : "open") + (shard.parentShardId() == null ? "" : ", child of " + shard.parentShardId())
                + ")";
    }

    private Map<String, String> committedSequenceNumbers(String connector, String streamArn) {
        Map<String, String> byShard = new HashMap<>();
        for (Map.Entry<Map<String, String>, Map<String, String>> entry : committedOffsets.apply(connector)) {
            if (streamArn.equals(entry.getKey().get(STREAM_ARN)) && entry.getValue().get(SEQUENCE_NUMBER) != null) {
                byShard.put(entry.getKey().get(SHARD_ID), entry.getValue().get(SEQUENCE_NUMBER));
            }
        }
        return byShard;
    }

    private static List<Shard> shards(DynamoDbStreamsClient streams, String streamArn) {
        List<Shard> shards = new ArrayList<>();
        String startAfter = null;
        do {
            String exclusiveStart = startAfter;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            shards.addAll(description.shards());
            startAfter = description.lastEvaluatedShardId();
        } while (startAfter != null);
        return shards;
    }

    /** What the shard holds after {@code sequenceNumber} (the whole shard when null): the first such record, if any. */
    private static Optional<String> firstRecordAfter(DynamoDbStreamsClient streams, String streamArn, String shardId,
                                                     String sequenceNumber) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamArn(streamArn).shardId(shardId);
        if (sequenceNumber == null) {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        } else {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(sequenceNumber);
        }
        String iterator = streams.getShardIterator(request.build()).shardIterator();
        // Only a record whose sequence number is greater counts: what an iterator after a sequence number
        // returns is not trusted to be after it (numbers are compared as numbers, not as text).
        BigInteger after = sequenceNumber == null ? null : new BigInteger(sequenceNumber);
        for (int page = 0; iterator != null && page < MAX_PAGES; page++) {
            String current = iterator;
            var response = streams.getRecords(b -> b.shardIterator(current).limit(PAGE));
            if (response.records().isEmpty()) {
                return Optional.empty();
            }
            Optional<String> later = response.records().stream()
                    .map(record -> record.dynamodb().sequenceNumber())
                    .filter(number -> after == null || new BigInteger(number).compareTo(after) > 0)
                    .findFirst()
                    .map(number -> "sequence number " + number);
            if (later.isPresent()) {
                return later;
            }
            iterator = response.nextShardIterator();
        }
        return iterator == null ? Optional.empty() : Optional.of("more than " + MAX_PAGES * PAGE + " records");
    }
}
