package dev.pipelineharness.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardLineageTest {

    @Test
    void childIsReadOnlyAfterItsParentIsFinished() {
        ShardLineage lineage = new ShardLineage();
        lineage.add("parent", null);
        lineage.add("child", "parent");
        lineage.add("grandchild", "child");

        assertThat(lineage.readable()).extracting(s -> s.id).containsExactly("parent");
        lineage.get("parent").orElseThrow().finished = true;
        assertThat(lineage.readable()).extracting(s -> s.id).containsExactly("child");
        lineage.get("child").orElseThrow().finished = true;
        assertThat(lineage.readable()).extracting(s -> s.id).containsExactly("grandchild");
    }

    @Test
    void shardWhoseParentWasTrimmedIsReadableAtOnce() {
        ShardLineage lineage = new ShardLineage();
        lineage.add("orphan", "trimmed-long-ago");
        lineage.add("sibling", null);

        assertThat(lineage.readable()).extracting(s -> s.id).containsExactly("orphan", "sibling");
    }

    @Test
    void knownShardIsNotAddedTwice() {
        ShardLineage lineage = new ShardLineage();
        assertThat(lineage.add("s", null)).isTrue();
        lineage.get("s").orElseThrow().lastSequenceNumber = "7";
        assertThat(lineage.add("s", null)).isFalse();
        assertThat(lineage.get("s").orElseThrow().lastSequenceNumber).isEqualTo("7");
        assertThat(lineage.size()).isEqualTo(1);
    }
}
