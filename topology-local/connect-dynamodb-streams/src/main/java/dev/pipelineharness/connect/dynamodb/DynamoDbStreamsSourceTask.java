package dev.pipelineharness.connect.dynamodb;

import dev.pipelineharness.connect.dynamodb.ShardLineage.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads every shard of a table's stream, parents before children, from the stored offset (the last
 * sequence number handed to Kafka) or from the oldest record (TRIM_HORIZON) on the first start.
 *
 * <p>Network failures and throttling surface as {@link RetriableException}, so the worker retries the
 * poll instead of failing the task: a fault that cuts the link to DynamoDB delays records, it does not
 * lose the connector.
 */
public final class DynamoDbStreamsSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamsSourceTask.class);
    private static final Set<StreamViewType> WITH_NEW_IMAGE = Set.of(StreamViewType.NEW_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES);

    private final Object wakeUp = new Object();
    private final ShardLineage lineage = new ShardLineage();
    private volatile boolean stopping;

    private DynamoDbStreamsSourceConfig config;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private ChangeRecords changeRecords;
    private String streamArn;
    private long nextShardRefresh;

    @Override
    public String version() {
        return Version.current();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new DynamoDbStreamsSourceConfig(props);
        dynamoDb = StreamsClients.dynamoDb(config);
        streams = StreamsClients.streams(config);
        changeRecords = new ChangeRecords(config.topic(), config.outputFormat());
        streamArn = streamOf(describeTable());
        refreshShards();
        LOG.info("Reading stream {} of table {} ({} shards) into topic {}", streamArn, config.tableName(),
                lineage.size(), config.topic());
    }

    private TableDescription describeTable() {
        try {
            return dynamoDb.describeTable(b -> b.tableName(config.tableName())).table();
        } catch (ResourceNotFoundException e) {
            throw new ConnectException("DynamoDB table '" + config.tableName() + "' does not exist at "
                    + config.endpointOverride().map(Object::toString).orElse("the AWS endpoint of " + config.region()), e);
        }
    }

    private String streamOf(TableDescription table) {
        StreamSpecification stream = table.streamSpecification();
        if (table.latestStreamArn() == null || stream == null || !Boolean.TRUE.equals(stream.streamEnabled())) {
            throw new ConnectException("DynamoDB table '" + config.tableName() + "' has no stream enabled:"
                    + " enable one with view type NEW_IMAGE or NEW_AND_OLD_IMAGES");
        }
        if (!WITH_NEW_IMAGE.contains(stream.streamViewType())) {
            throw new ConnectException("The stream of DynamoDB table '" + config.tableName() + "' has view type "
                    + stream.streamViewTypeAsString() + "; this connector needs NEW_IMAGE or NEW_AND_OLD_IMAGES");
        }
        return table.latestStreamArn();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>();
        try {
            if (System.currentTimeMillis() >= nextShardRefresh) {
                refreshShards();
            }
            for (Shard shard : lineage.readable()) {
                if (batch.size() >= config.batchSize() || stopping) {
                    break;
                }
                read(shard, batch);
            }
        } catch (SdkClientException | LimitExceededException e) {
            if (stopping) {
                return null;
            }
            if (!batch.isEmpty()) {
                return batch; // hand over what was read; the failing call is retried at the next poll
            }
            throw new RetriableException("Reading the stream of DynamoDB table '" + config.tableName() + "' failed: "
                    + e.getMessage(), e);
        } catch (ResourceNotFoundException e) {
            throw new ConnectException("The stream " + streamArn + " of DynamoDB table '" + config.tableName()
                    + "' is gone (table deleted or stream disabled?)", e);
        }
        if (batch.isEmpty()) {
            synchronized (wakeUp) {
                if (!stopping) {
                    wakeUp.wait(config.pollInterval().toMillis());
                }
            }
            return null;
        }
        return batch;
    }

    private void read(Shard shard, List<SourceRecord> batch) {
        if (shard.iterator == null) {
            shard.iterator = iteratorFor(shard);
        }
        GetRecordsResponse response;
        try {
            int limit = config.batchSize() - batch.size();
            response = streams.getRecords(b -> b.shardIterator(shard.iterator).limit(limit));
        } catch (ExpiredIteratorException e) {
            LOG.debug("Iterator of shard {} expired; a new one is taken after sequence number {}", shard.id,
                    shard.lastSequenceNumber);
            shard.iterator = null;
            return;
        } catch (TrimmedDataAccessException e) {
            LOG.warn("Records of shard {} after sequence number {} were trimmed (older than the stream's 24 h"
                    + " retention) before they were read; continuing from the oldest record still there",
                    shard.id, shard.lastSequenceNumber);
            shard.lastSequenceNumber = null;
            shard.iterator = null;
            return;
        }
        for (Record change : response.records()) {
            batch.add(changeRecords.convert(streamArn, shard.id, change));
            shard.lastSequenceNumber = change.dynamodb().sequenceNumber();
        }
        shard.iterator = response.nextShardIterator();
        if (shard.iterator == null) {
            shard.finished = true;
            nextShardRefresh = 0; // a closed shard has children to find now
            LOG.debug("Shard {} is closed and read to its end", shard.id);
        }
    }

    private String iteratorFor(Shard shard) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamArn(streamArn).shardId(shard.id);
        if (shard.lastSequenceNumber != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(shard.lastSequenceNumber);
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        try {
            return streams.getShardIterator(request.build()).shardIterator();
        } catch (TrimmedDataAccessException e) {
            LOG.warn("Sequence number {} of shard {} was trimmed before it was read; continuing from the oldest"
                    + " record still there", shard.lastSequenceNumber, shard.id);
            shard.lastSequenceNumber = null;
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.id)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
    }

    /** Lists the stream's shards (all pages) and picks up the stored offsets of the ones not seen before. */
    private void refreshShards() {
        List<Shard> added = new ArrayList<>();
        String startAfter = null;
        do {
            String exclusiveStart = startAfter;
            DescribeStreamResponse response = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart));
            for (var shard : response.streamDescription().shards()) {
                if (lineage.add(shard.shardId(), shard.parentShardId())) {
                    added.add(lineage.get(shard.shardId()).orElseThrow());
                }
            }
            startAfter = response.streamDescription().lastEvaluatedShardId();
        } while (startAfter != null);
        if (!added.isEmpty()) {
            restoreOffsets(added);
        }
        nextShardRefresh = System.currentTimeMillis() + config.shardRefreshInterval().toMillis();
    }

    private void restoreOffsets(List<Shard> shards) {
        List<Map<String, String>> partitions = shards.stream()
                .map(shard -> ChangeRecords.sourcePartition(streamArn, shard.id)).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        for (Shard shard : shards) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(ChangeRecords.sourcePartition(streamArn, shard.id));
            if (offset != null && offset.get(ChangeRecords.SEQUENCE_NUMBER) != null) {
                shard.lastSequenceNumber = offset.get(ChangeRecords.SEQUENCE_NUMBER).toString();
                LOG.info("Shard {} resumes after sequence number {}", shard.id, shard.lastSequenceNumber);
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        closeQuietly(streams);
        closeQuietly(dynamoDb);
    }

    private static void closeQuietly(AutoCloseable client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed", client, e);
        }
    }
}
