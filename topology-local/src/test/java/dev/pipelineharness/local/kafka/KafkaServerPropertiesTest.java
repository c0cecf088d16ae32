package dev.pipelineharness.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private static final KafkaPorts PORTS = new KafkaPorts(9001, 9002, Map.of(
            KafkaLink.HARNESS, 9010, KafkaLink.FLINK, 9011, KafkaLink.CONNECT, 9012, KafkaLink.MIRROR, 9013));

    @Test
    void bindsEveryLinkOnItsOwnPortAndAdvertisesItsProxy() {
        Map<String, String> properties = KafkaServerProperties.of(PORTS, proxyPorts(), Path.of("/data/east"));

        assertThat(List.of(properties.get("listeners").split(","))).containsExactly(
                "CONTROLLER://127.0.0.1:9001", "INTERNAL://127.0.0.1:9002", "HARNESS://127.0.0.1:9010",
                "FLINK://127.0.0.1:9011", "CONNECT://127.0.0.1:9012", "MIRROR://127.0.0.1:9013");
        // clients are sent to the proxies; only the broker's own listener is advertised directly
        assertThat(List.of(properties.get("advertised.listeners").split(","))).containsExactly(
                "INTERNAL://127.0.0.1:9002", "HARNESS://127.0.0.1:19010", "FLINK://127.0.0.1:19011",
                "CONNECT://127.0.0.1:19012", "MIRROR://127.0.0.1:19013");
        assertThat(properties).containsEntry("inter.broker.listener.name", "INTERNAL")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9001")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("broker.session.timeout.ms", "3000")
                .containsEntry("broker.heartbeat.interval.ms", "500")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.dirs", Path.of("/data/east").toAbsolutePath().toString());
        assertThat(properties.get("listener.security.protocol.map")).contains("MIRROR:PLAINTEXT", "CONTROLLER:PLAINTEXT");
    }

    @Test
    void refusesALinkWithoutProxy() {
        Map<KafkaLink, Integer> missing = proxyPorts();
        missing.remove(KafkaLink.CONNECT);
        assertThatThrownBy(() -> KafkaServerProperties.of(PORTS, missing, Path.of("data")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONNECT");
    }

    @Test
    void rendersWhatJavaPropertiesReadsBack() throws IOException {
        Map<String, String> properties = Map.of("log.dirs", "C:\\kafka\\data", "node.id", "1");
        Properties read = new Properties();
        read.load(new StringReader(KafkaServerProperties.render(properties)));
        assertThat(read).containsEntry("log.dirs", "C:\\kafka\\data").containsEntry("node.id", "1");
    }

    @Test
    void proxyNamesSayRegionAndLink() {
        assertThat(KafkaLink.FLINK.proxyName("east")).isEqualTo("kafka-east-flink");
        assertThat(KafkaLink.MIRROR.listenerName()).isEqualTo("MIRROR");
    }

    @Test
    void refusesARegionNameThatCannotNameFiles() {
        assertThatThrownBy(() -> KafkaRegion.start("East Coast", Path.of("unused"), Path.of("unused.log"), null,
                java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'East Coast'");
    }

    @Test
    void picksDistinctPorts() {
        KafkaPorts ports = KafkaPorts.pickFree();
        List<Integer> all = new java.util.ArrayList<>(ports.links().values());
        all.add(ports.controller());
        all.add(ports.internal());
        assertThat(all).hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0);
    }

    private static Map<KafkaLink, Integer> proxyPorts() {
        Map<KafkaLink, Integer> ports = new EnumMap<>(KafkaLink.class);
        for (KafkaLink link : KafkaLink.values()) {
            ports.put(link, PORTS.link(link) + 10_000);
        }
        return ports;
    }
}
