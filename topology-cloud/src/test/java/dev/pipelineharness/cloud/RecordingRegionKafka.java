package dev.pipelineharness.cloud;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.cloud.failover.RegionKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the drill's Kafka-protocol side (no broker here): answers with fixed positions,
 * records every call in order, and says which endpoint it was given (to prove the SASL settings go
 * to the clients unlogged).
 */
final class RecordingRegionKafka implements RegionKafka {

    /** What the downstream group commits in east and what the link syncs to west. */
    static final Map<Integer, Long> COMMITTED = Map.of(0, 5L, 1, 3L, 2, 4L);
    /** The DR copy's end offsets at cutover, for every topic. */
    static final Map<Integer, Long> END = Map.of(0, 10L, 1, 7L, 2, 4L);
    static final long READ_AFTER_RESUME = 9;

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Function<String, KafkaEndpoint> endpoints;
    volatile boolean closedArrivals;

    RecordingRegionKafka(Function<String, KafkaEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String where(String region) {
        return endpoints.apply(region).bootstrapServers();
    }

    @Override
    public Map<Integer, Long> consumeAndCommit(String region, String group, String topic, Duration within) {
        calls.add("consumeAndCommit " + region + " " + group + " " + topic);
        return COMMITTED;
    }

    @Override
    public Map<Integer, Long> committed(String region, String group, String topic) {
        calls.add("committed " + region + " " + group);
        return COMMITTED;
    }

    @Override
    public Map<String, Map<Integer, Long>> endOffsets(String region, Collection<String> topics) {
        calls.add("endOffsets " + region + " " + topics.size());
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        topics.forEach(topic -> ends.put(topic, END));
        return ends;
    }

    @Override
    public long resume(String region, String group, String topic, Duration readFor) {
        calls.add("resume " + region + " " + group);
        return READ_AFTER_RESUME;
    }

    @Override
    public Arrivals watchArrivals(String region, Map<String, Map<Integer, Long>> from) {
        calls.add("watchArrivals " + region + " " + from.size());
        return new Arrivals() {
            @Override
            public Optional<Instant> at(String topic, int partition, long offset) {
                return Optional.empty();
            }

            @Override
            public void close() {
                closedArrivals = true;
            }
        };
    }

    @Override
    public void deleteGroup(String region, String group) {
        calls.add("deleteGroup " + region + " " + group);
    }
}
