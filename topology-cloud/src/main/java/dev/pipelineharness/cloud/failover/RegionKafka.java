package dev.pipelineharness.cloud.failover;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.control.FailoverReport;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The drill's work over the Kafka protocol, by region (Kafka REST v3 has no consumer API and no end
 * offsets): the downstream consumer group, the DR copy's end offsets and the live arrivals. Offsets
 * are per partition; a topic's map is empty when the region has no such topic.
 */
@API(status = INTERNAL, since = "0.2")
public interface RegionKafka {

    /** Where {@code region}'s brokers are, for the plan (no secret in it). */
    String where(String region);

    /**
     * Consumes {@code topic} in {@code region} as {@code group} from the earliest offset, committing after
     * every poll, until it has committed a position or {@code within} passed; the committed offsets.
     */
    Map<Integer, Long> consumeAndCommit(String region, String group, String topic, Duration within) throws Exception;

    /** The offsets {@code group} has committed (or has had synced) on {@code topic} in {@code region}. */
    Map<Integer, Long> committed(String region, String group, String topic) throws Exception;

    /** Per topic, the end offset of each partition in {@code region}. */
    Map<String, Map<Integer, Long>> endOffsets(String region, Collection<String> topics) throws Exception;

    /** Resumes {@code group} on {@code topic} in {@code region} from its committed position, reads for at most {@code readFor}, commits; the records read. */
    long resume(String region, String group, String topic, Duration readFor) throws Exception;

    /** Starts noting when records of {@code from}'s topics appear in {@code region} at or after the given offsets. */
    Arrivals watchArrivals(String region, Map<String, Map<Integer, Long>> from);

    /** Deletes {@code group} in {@code region}; one that does not exist is fine. */
    void deleteGroup(String region, String group) throws Exception;

    /** Live arrivals, until closed. */
    interface Arrivals extends FailoverReport.Arrivals, AutoCloseable {
        @Override
        void close();
    }
}
