package dev.pipelineharness.connect.dynamodb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source that turns the DynamoDB Stream of one table into Kafka records: key = the item's
 * key attributes, value = the item's new image as a flat record (what the managed DynamoDB CDC source
 * gives after its {@code after} extraction), a tombstone for REMOVE. See {@link DynamoDbStreamsSourceConfig}.
 *
 * <p>One task reads all shards: DynamoDB Streams order an item's changes along a shard's lineage (parent
 * before child), which one reader keeps without coordination; a table's change rate in a test is far
 * below one reader's capacity.
 */
public final class DynamoDbStreamsSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new DynamoDbStreamsSourceConfig(props); // reject a bad configuration when the connector is created
        this.props = new HashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DynamoDbStreamsSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(Map.copyOf(props));
    }

    @Override
    public void stop() {
        // nothing held: the task owns the AWS clients
    }

    @Override
    public ConfigDef config() {
        return DynamoDbStreamsSourceConfig.configDef();
    }

    @Override
    public String version() {
        return Version.current();
    }
}
