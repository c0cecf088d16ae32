package dev.pipelineharness.local.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's Flink SQL as the runbook resubmits it in the region failed over to: every Kafka
 * source that named a startup mode starts from its consumer group's committed offsets instead (the
 * offsets MirrorMaker translated and synced), and from the earliest record where the group has
 * none, so the pipeline folder stays as it is. The bootstrap servers are already the new region's
 * (its placeholders are resolved against it).
 */
final class FailoverSql {

    private static final Pattern STARTUP_MODE = Pattern.compile("'scan\\.startup\\.mode'\\s*=\\s*'[^']*'");
    private static final Pattern GROUP_ID = Pattern.compile("'properties\\.group\\.id'\\s*=\\s*'([^']+)'");
    static final String FROM_GROUP_OFFSETS = "'scan.startup.mode' = 'group-offsets', "
            + "'properties.auto.offset.reset' = 'earliest'";

    private FailoverSql() {
    }

    /** The statement text with every startup mode replaced by the group's offsets. */
    static String fromGroupOffsets(String sql) {
        return STARTUP_MODE.matcher(sql).replaceAll(Matcher.quoteReplacement(FROM_GROUP_OFFSETS));
    }

    /** How many sources the rewrite moved: a failover that moved none would silently start elsewhere. */
    static int sources(String sql) {
        Matcher matcher = STARTUP_MODE.matcher(sql);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The consumer groups the sources commit their offsets under. */
    static List<String> groupIds(String sql) {
        List<String> groups = new ArrayList<>();
        Matcher matcher = GROUP_ID.matcher(sql);
        while (matcher.find()) {
            if (!groups.contains(matcher.group(1))) {
                groups.add(matcher.group(1));
            }
        }
        return groups;
    }
}
