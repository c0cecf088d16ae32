package dev.pipelineharness.local.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MirrorMakerPropertiesTest {

    @Test
    void replicatesOneWayWithCheckpointsAndOffsetSync() {
        Map<String, String> properties = MirrorMakerProperties.of("east", "127.0.0.1:1", "west", "127.0.0.1:2",
                "orders.*", MirrorTopicNaming.IDENTITY);

        assertThat(properties)
                .containsEntry("clusters", "east, west")
                .containsEntry("east.bootstrap.servers", "127.0.0.1:1")
                .containsEntry("west.bootstrap.servers", "127.0.0.1:2")
                .containsEntry("east->west.enabled", "true")
                .containsEntry("east->west.topics", "orders.*")
                .containsEntry("west->east.enabled", "false")
                .containsEntry("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy")
                .containsEntry("emit.checkpoints.enabled", "true")
                .containsEntry("sync.group.offsets.enabled", "true")
                .containsEntry("emit.checkpoints.interval.seconds", "1")
                .containsEntry("refresh.topics.interval.seconds", "1")
                .containsEntry("sync.topic.configs.interval.seconds", "1");
        for (String key : new String[] {"replication.factor", "checkpoints.topic.replication.factor",
                "heartbeats.topic.replication.factor", "offset-syncs.topic.replication.factor",
                "config.storage.replication.factor", "offset.storage.replication.factor",
                "status.storage.replication.factor"}) {
            assertThat(properties).containsEntry(key, "1");
        }
        // worker settings only reach the worker with the target's prefix
        assertThat(properties).containsEntry("west.plugin.discovery", "service_load")
                .containsEntry("west.offset.flush.interval.ms", "1000")
                .containsEntry("west.session.timeout.ms", "6000")
                .containsEntry("west.scheduled.rebalance.max.delay.ms", "0");
    }

    @Test
    void prefixedNamingUsesTheDefaultPolicy() {
        assertThat(MirrorMakerProperties.of("east", "a:1", "west", "b:2", ".*", MirrorTopicNaming.SOURCE_PREFIXED))
                .containsEntry("replication.policy.class", "org.apache.kafka.connect.mirror.DefaultReplicationPolicy");
        assertThat(MirrorTopicNaming.SOURCE_PREFIXED.replicatedName("east", "orders")).isEqualTo("east.orders");
        assertThat(MirrorTopicNaming.IDENTITY.replicatedName("east", "orders")).isEqualTo("orders");
    }

    @Test
    void refusesToMirrorARegionOntoItself() {
        assertThatThrownBy(() -> MirrorMakerProperties.of("east", "a:1", "east", "a:1", ".*", MirrorTopicNaming.IDENTITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("east");
    }

    @Test
    void aRegexKeepsItsBackslashesThroughThePropertiesFile() throws IOException {
        Map<String, String> properties = MirrorMakerProperties.of("east", "a:1", "west", "b:2",
                "orders\\.v[0-9]+", MirrorTopicNaming.IDENTITY);
        Properties read = new Properties();
        read.load(new StringReader(MirrorMakerProperties.render(properties)));
        assertThat(read.getProperty("east->west.topics")).isEqualTo("orders\\.v[0-9]+");
    }
}
