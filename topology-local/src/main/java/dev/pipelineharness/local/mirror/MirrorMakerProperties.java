package dev.pipelineharness.local.mirror;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mm2.properties} of a one-way replication from a source region to a target region:
 * topics, consumer-group checkpoints and offset sync (so a consumer group can move to the target and
 * resume near where it was), every internal topic with one replica, and intervals of about a second
 * so that tests see new topics, checkpoints and synced offsets quickly.
 */
final class MirrorMakerProperties {

    private MirrorMakerProperties() {
    }

    static Map<String, String> of(String source, String sourceBootstrap, String target, String targetBootstrap,
                                  String topicsRegex, MirrorTopicNaming naming) {
        if (source.equals(target)) {
            throw new IllegalArgumentException("MirrorMaker needs two different regions, got " + source + " twice");
        }
        String flow = source + "->" + target;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("clusters", source + ", " + target);
        properties.put(source + ".bootstrap.servers", sourceBootstrap);
        properties.put(target + ".bootstrap.servers", targetBootstrap);
        properties.put(flow + ".enabled", "true");
        properties.put(flow + ".topics", topicsRegex);
        properties.put(target + "->" + source + ".enabled", "false");
        properties.put("replication.policy.class", naming.policyClass());
        // Exactly-once outputs (Flink's transactional sinks) are copied as their consumers see them:
        // only committed transactions. The default (read_uncommitted) also copies aborted records and
        // those of transactions still open, which would reach the replica as plain, visible records.
        properties.put(flow + ".consumer.isolation.level", "read_committed");

        // One broker per region: every topic MirrorMaker or its Connect worker creates has one replica.
        for (String key : new String[] {"replication.factor", "checkpoints.topic.replication.factor",
                "heartbeats.topic.replication.factor", "offset-syncs.topic.replication.factor",
                "config.storage.replication.factor", "offset.storage.replication.factor",
                "status.storage.replication.factor"}) {
            properties.put(key, "1");
        }
        properties.put("offset.storage.partitions", "1");
        properties.put("status.storage.partitions", "1");

        // Consumer groups can fail over: checkpoints translate their offsets, and the translated offsets
        // are written to the target's groups (only groups with no active member there).
        properties.put("emit.checkpoints.enabled", "true");
        properties.put("emit.checkpoints.interval.seconds", "1");
        properties.put("sync.group.offsets.enabled", "true");
        properties.put("sync.group.offsets.interval.seconds", "1");
        properties.put("refresh.groups.interval.seconds", "1");
        // An offset sync for every record, so a translated offset is exact rather than up to 100 behind.
        properties.put("offset.lag.max", "0");

        properties.put("refresh.topics.interval.seconds", "1");
        properties.put("sync.topic.configs.enabled", "true");
        properties.put("sync.topic.configs.interval.seconds", "1");
        properties.put("sync.topic.acls.enabled", "false");
        properties.put("emit.heartbeats.interval.seconds", "1");
        // Worker settings reach the Connect worker (which runs in and for the target) only with the
        // target's prefix; unprefixed they are silently ignored.
        // Source offsets committed each second: a killed MirrorMaker re-sends at most about a second.
        properties.put(target + ".offset.flush.interval.ms", "1000");
        // As for the Connect worker: a killed MirrorMaker's worker leaves its group after 6 s (the
        // broker's minimum) instead of 10 s, so its restart does not wait for the dead member, and the
        // restarted one gets the tasks back at once instead of after the default 5 minutes.
        properties.put(target + ".session.timeout.ms", "6000");
        properties.put(target + ".heartbeat.interval.ms", "1000");
        properties.put(target + ".scheduled.rebalance.max.delay.ms", "0");
        // The Connect runtime's classpath holds Debezium too: find connectors by ServiceLoader
        // instead of scanning every jar (measured 12 to 15 s of a 23 s start under load). MirrorMaker
        // loads plugins twice, once from the top-level settings and once per herder from the worker's.
        properties.put("plugin.discovery", "service_load");
        properties.put(target + ".plugin.discovery", "service_load");
        return properties;
    }

    static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# written by pipeline-harness (MirrorMaker); rewritten on every start\n");
        // java.util.Properties reads a backslash as an escape: a regex such as orders\.v1 must keep it
        properties.forEach((key, value) -> text.append(key).append(" = ")
                .append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
