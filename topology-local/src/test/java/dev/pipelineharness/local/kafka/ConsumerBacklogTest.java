package dev.pipelineharness.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Backlog;
import dev.pipelineharness.topology.support.PipelineConsumers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerBacklogTest {

    private static final PipelineConsumers ROUTING = new PipelineConsumers(Map.of("g", Set.of("raw")), List.of(), Map.of(), List.of());
    private static final TopicPartition RAW_0 = new TopicPartition("raw", 0);
    private static final TopicPartition RAW_1 = new TopicPartition("raw", 1);

    @Test
    void drainedWhenTheGroupCommittedTheEndOfEveryPartition() {
        Backlog backlog = ConsumerBacklog.judge(ROUTING, Map.of(RAW_0, 40L, RAW_1, 60L),
                Map.of("g", Map.of(RAW_0, 40L, RAW_1, 60L)));

        assertThat(backlog).isEqualTo(Backlog.drained("consumer group g at the end of raw (offset 100 over 2 partitions)"));
    }

    @Test
    void aPartitionWithRecordsButNoCommitIsBacklogToo() {
        Backlog backlog = ConsumerBacklog.judge(ROUTING, Map.of(RAW_0, 40L, RAW_1, 60L), Map.of("g", Map.of(RAW_0, 40L)));

        assertThat(backlog).isEqualTo(Backlog.inFlight("group g is 60 record(s) behind on raw"));
    }

    @Test
    void aGroupThatHasNotCommittedAtAllIsBehindByEverything() {
        Backlog backlog = ConsumerBacklog.judge(ROUTING, Map.of(RAW_0, 40L, RAW_1, 0L), Map.of());

        assertThat(backlog.state()).isEqualTo(Backlog.State.IN_FLIGHT);
        assertThat(backlog.evidence()).isEqualTo("group g is 40 record(s) behind on raw");
    }

    @Test
    void aStageNoGroupShowsMakesItUnknown() {
        Backlog backlog = ConsumerBacklog.measure(null, new PipelineConsumers(Map.of(), List.of(), Map.of(), List.of("source connector c (X)")));

        assertThat(backlog).isEqualTo(Backlog.unknown("not measured: source connector c (X)"));
    }
}
