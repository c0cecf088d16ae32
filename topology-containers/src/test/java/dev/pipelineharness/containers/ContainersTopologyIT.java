package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipelineharness.containers.support.HttpProbe;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.LinkControl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole topology on a real Docker engine: every component starts and is reached through Toxiproxy,
 * a link cut is felt and healed, a killed broker comes back. Without Docker every test is skipped with
 * Testcontainers' reason, never passed.
 */
class ContainersTopologyIT {

    private static final Optional<String> UNAVAILABLE = DockerAvailability.testcontainers().unavailableReason();
    private static ContainersTopology topology;

    @BeforeAll
    static void start() throws Exception {
        if (UNAVAILABLE.isPresent()) {
            return; // each test reports the skip with the reason (a skip here would report no test at all)
        }
        TopologySettings settings = new TopologySettings(Path.of("target", "containers-it"), false,
                Duration.ofMinutes(5), Map.of());
        topology = (ContainersTopology) new ContainersTopologyProvider().create(settings);
        topology.start();
    }

    @BeforeEach
    void requireDocker() {
        assumeTrue(UNAVAILABLE.isEmpty(), () -> UNAVAILABLE.orElse(""));
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void theHarnessReachesEveryComponentThroughToxiproxy() throws Exception {
        for (String region : topology.endpoints().regions()) {
            try (Admin admin = admin(topology.endpoints().kafka(region).bootstrapServers())) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        }
        JdbcEndpoint jdbc = topology.endpoints().postgres().orElseThrow();
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal())) {
            assertThat(connection.createStatement().executeQuery("SHOW wal_level")).satisfies(result -> {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("logical");
            });
        }
        assertThat(HttpProbe.get(topology.endpoints().schemaRegistry().orElseThrow().resolve("/subjects")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCutHarnessLinkIsFeltAndHealed() throws Exception {
        LinkControl link = topology.link(null, "harness->east");
        link.cut();
        try {
            assertThat(link.state().cut()).isTrue();
            try (Admin admin = admin(topology.endpoints().kafka("east").bootstrapServers())) {
                assertThatThrownBy(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            link.heal();
        }
        try (Admin admin = admin(topology.endpoints().kafka("east").bootstrapServers())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void aKilledBrokerIsStoppedAndComesBackOnItsData() throws Exception {
        ComponentControl west = topology.component(null, "kafka.west");
        west.kill();
        assertThat(west.state()).isEqualTo(ComponentState.STOPPED);

        west.restart(Duration.ofMinutes(2));

        assertThat(west.state()).isEqualTo(ComponentState.RUNNING);
    }

    private static Admin admin(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(properties);
    }
}
