package dev.pipelineharness.containers.kafka;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.NamespaceTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The harness's admin calls to one region, through its {@code HARNESS} proxy: readiness, topics. */
public final class KafkaAdmin implements AutoCloseable {

    private final String region;
    private final Admin admin;

    public KafkaAdmin(String region, String bootstrapServers) {
        this.region = region;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipeline-harness-admin-" + region);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        this.admin = Admin.create(properties);
    }

    /**
     * Ready when the broker answers a metadata request through the proxy and every partition (internal
     * ones too) has a leader: a restarted broker answers before it leads again.
     */
    public void awaitReady(Duration timeout) {
        BoundedWait.until("kafka " + region + " to answer a metadata request through its HARNESS proxy "
                + "with every partition led", timeout, null, () -> {
            if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                return false;
            }
            Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(5, TimeUnit.SECONDS);
            if (topics.isEmpty()) {
                return true;
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
            return descriptions.values().stream().flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        });
    }

    public List<String> createTopics(List<TopicSpec> specs, Function<String, String> physicalName) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : specs) {
            topics.add(new NewTopic(physicalName.apply(spec.name()), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        List<String> created = new ArrayList<>();
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Kafka " + region + " refused to create topic " + name + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Kafka " + region + " did not create topic " + name + ": " + e, e);
            }
        });
        return created;
    }

    /** Creates one topic if missing (the MirrorMaker probe). */
    public void ensureTopic(String name) {
        createTopics(List.of(new TopicSpec(name, 1, "string", Map.of())), Function.identity());
    }

    public void deleteTopics(Collection<String> names) {
        admin.deleteTopics(names).topicNameValues().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Kafka " + region + " refused to delete topic " + name + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Kafka " + region + " did not delete topic " + name + ": " + e, e);
            }
        });
    }

    /** Deletes every topic whose name starts with {@code prefix} (a scenario's namespace). */
    public void deleteTopicsStartingWith(String prefix) {
        deleteTopics(NamespaceTopics.startingWith(admin, prefix, "kafka " + region));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
