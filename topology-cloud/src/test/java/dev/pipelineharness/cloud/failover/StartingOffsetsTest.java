package dev.pipelineharness.cloud.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a statement re-created in the DR region starts: east's processed offsets, capped, as a table hint. */
class StartingOffsetsTest {

    @Test
    void readsTheStatementsLatestOffsetsAndCapsThemAtWhatTheDrCopyHeld() {
        Map<Integer, Long> processed = StartingOffsets.parse("partition:0,offset:8;partition:1,offset:9; partition:2,offset:1");

        assertThat(processed).isEqualTo(Map.of(0, 8L, 1, 9L, 2, 1L));
        assertThat(StartingOffsets.capped(processed, Map.of(0, 10L, 1, 7L))).isEqualTo(
                Map.of(0, 8L, 1, 7L, 2, 1L));
        assertThat(StartingOffsets.parse("not offsets")).isEmpty();
    }

    @Test
    void everyFromAndJoinOfTheTopicGetsTheHintAndOtherTopicsAndHintedOnesAreLeftAsWritten() {
        String sql = "INSERT INTO `out` SELECT * FROM `raw` r JOIN `dim` d ON r.k = d.k\n"
                + "UNION ALL SELECT * FROM\n  `raw` /*+ OPTIONS('scan.startup.mode' = 'latest-offset') */";

        StartingOffsets.Placed placed = StartingOffsets.apply(sql, Map.of("raw", Map.of(1, 7L, 0, 8L), "other", Map.of(0, 1L),
                "dim", Map.of()));

        String hint = " /*+ OPTIONS('scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = "
                + "'partition:0,offset:8;partition:1,offset:7') */";
        assertThat(placed.sql()).isEqualTo("INSERT INTO `out` SELECT * FROM `raw`" + hint + " r JOIN `dim` d ON r.k = d.k\n"
                + "UNION ALL SELECT * FROM\n  `raw` /*+ OPTIONS('scan.startup.mode' = 'latest-offset') */");
        assertThat(placed.starts()).containsOnlyKeys("raw");
    }

    @Test
    void withoutKnownOffsetsTheStatementIsSubmittedAsWritten() {
        String sql = "INSERT INTO `out` SELECT * FROM `raw`";

        StartingOffsets.Placed placed = StartingOffsets.apply(sql, Map.of());

        assertThat(placed.sql()).isEqualTo(sql);
        assertThat(placed.starts()).isEmpty();
    }
}
