package dev.pipelineharness.local.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverSqlTest {

    private static final String SOURCE = """
            CREATE TABLE raw (id STRING) WITH (
                'connector' = 'kafka',
                'topic' = 'r1_raw',
                'properties.group.id' = 'r1_routing',
                'scan.startup.mode'='earliest-offset',
                'value.format' = 'json'
            );
            CREATE TABLE out WITH ('connector' = 'kafka', 'topic' = 'r1_out') LIKE raw (EXCLUDING OPTIONS);
            INSERT INTO out SELECT * FROM raw;
            """;

    @Test
    void everySourceStartsFromItsGroupsOffsetsAndEarliestWhereItHasNone() {
        String rewritten = FailoverSql.fromGroupOffsets(SOURCE);

        assertThat(rewritten).contains("'scan.startup.mode' = 'group-offsets', 'properties.auto.offset.reset' = 'earliest',")
                .doesNotContain("earliest-offset")
                .contains("'properties.group.id' = 'r1_routing'");
        assertThat(FailoverSql.sources(rewritten)).isEqualTo(1);
        assertThat(FailoverSql.groupIds(rewritten)).isEqualTo(List.of("r1_routing"));
    }

    @Test
    void sqlWithoutAStartupModeIsLeftAsItIs() {
        String sink = "CREATE TABLE out WITH ('connector' = 'kafka', 'topic' = 'x');";
        assertThat(FailoverSql.fromGroupOffsets(sink)).isEqualTo(sink);
        assertThat(FailoverSql.sources(sink)).isZero();
    }
}
