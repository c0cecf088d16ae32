package dev.pipelineharness.cloud.failover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a statement re-created in the DR region starts reading. Cluster Linking keeps the source's
 * offsets, so the offsets the primary statement last processed ({@code status.latest_offsets}) are
 * positions in the mirror topics too; they are capped at what the DR copy held at cutover (the
 * statement may have read records the link never carried). Confluent Cloud takes them as Flink's
 * dynamic table options, a hint after the source table naming {@code 'scan.startup.mode' =
 * 'specific-offsets'} and {@code 'scan.startup.specific-offsets' = 'partition:0,offset:42'}. Without
 * them a new statement starts from the earliest offset, and what the primary had processed is
 * processed again (redeliveries, which the failover check counts).
 */
final class StartingOffsets {

    private static final Pattern ENTRY = Pattern.compile("partition:(\\d+),offset:(\\d+)");

    private StartingOffsets() {
    }

    /** {@code partition:0,offset:42;partition:1,offset:300} to partition -> offset; entries it cannot read are left out. */
    static Map<Integer, Long> parse(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
        Matcher matcher = ENTRY.matcher(text.replace(" ", ""));
        while (matcher.find()) {
            offsets.put(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
        }
        return offsets;
    }

    /** Each partition's offset, no higher than the DR copy's end offset at cutover (when known). */
    static Map<Integer, Long> capped(Map<Integer, Long> processed, Map<Integer, Long> cutover) {
        Map<Integer, Long> capped = new TreeMap<>();
        processed.forEach((partition, offset) -> capped.put(partition,
                cutover.containsKey(partition) ? Math.min(offset, cutover.get(partition)) : offset));
        return capped;
    }

    static String format(Map<Integer, Long> offsets) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(offsets).forEach((partition, offset) -> text.append(text.isEmpty() ? "" : ";")
                .append("partition:").append(partition).append(",offset:").append(offset));
        return text.toString();
    }

    /**
     * {@code sql} with every {@code FROM}/{@code JOIN} of a topic in {@code offsets} (a back-quoted
     * simple name) given its start offsets; a reference that already has a hint is left as written.
     * Returns the topics it placed, so the runbook can say which sources start where.
     */
    static Placed apply(String sql, Map<String, Map<Integer, Long>> offsets) {
        String text = sql;
        Map<String, String> placed = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Long>> topic : offsets.entrySet()) {
            if (topic.getValue().isEmpty()) {
                continue;
            }
            String specific = format(topic.getValue());
            Pattern reference = Pattern.compile("(?i)(\\b(?:FROM|JOIN)\\s+)(`" + Pattern.quote(topic.getKey())
                    + "`)(?!\\s*/\\*\\+)");
            Matcher matcher = reference.matcher(text);
            if (matcher.find()) {
                String hint = " /*+ OPTIONS('scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = '"
                        + specific + "') */";
                text = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + match.group(2) + hint));
                placed.put(topic.getKey(), specific);
            }
        }
        return new Placed(text, placed);
    }

    /** The SQL to submit and, per source topic given a start, its offsets as written. */
    record Placed(String sql, Map<String, String> starts) {
    }
}
