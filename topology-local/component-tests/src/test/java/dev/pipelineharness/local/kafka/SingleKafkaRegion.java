package dev.pipelineharness.local.kafka;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.local.proxy.LinkProxies;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One real {@link KafkaRegion} with its link proxies, for component tests that need a broker but not
 * the whole topology (Flink, Connect). Clients use the HARNESS link unless they ask for another.
 */
public final class SingleKafkaRegion implements AutoCloseable {

    private final LinkProxies proxies;
    private final KafkaRegion region;

    private SingleKafkaRegion(LinkProxies proxies, KafkaRegion region) {
        this.proxies = proxies;
        this.region = region;
    }

    public static SingleKafkaRegion start(Path workDir, Duration timeout) throws IOException {
        LinkProxies proxies = LinkProxies.open();
        try {
            return new SingleKafkaRegion(proxies,
                    KafkaRegion.start("it", workDir, workDir.resolve("broker.log"), proxies, timeout));
        } catch (IOException | RuntimeException e) {
            proxies.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return region.bootstrapServers(KafkaLink.HARNESS);
    }

    public String bootstrapServers(KafkaLink link) {
        return region.bootstrapServers(link);
    }

    /** Topics are never created on first use (as on Confluent Cloud): a test creates what it writes to. */
    public void createTopic(String name, int partitions) {
        region.createTopics(List.of(new TopicSpec(name, partitions, "json", Map.of())), Function.identity());
    }

    /** A new admin client the caller closes (the region's own one lives as long as the region). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    public KafkaRegion region() {
        return region;
    }

    @Override
    public void close() {
        try {
            region.close();
        } finally {
            proxies.close();
        }
    }
}
