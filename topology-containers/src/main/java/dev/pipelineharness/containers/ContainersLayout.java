package dev.pipelineharness.containers;

import dev.pipelineharness.containers.support.NetworkAliases;
import dev.pipelineharness.containers.kafka.KafkaLink;
import dev.pipelineharness.containers.proxy.ProxyPlan;
import dev.pipelineharness.containers.proxy.ProxyRoute;
import dev.pipelineharness.containers.services.DynamoDbContainers;
import dev.pipelineharness.containers.services.PostgresContainers;
import dev.pipelineharness.containers.connect.ConnectContainers;
import dev.pipelineharness.containers.flink.FlinkContainers;
import dev.pipelineharness.containers.services.SchemaRegistryContainers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every path a fault may act on, as a Toxiproxy proxy, planned before anything starts. Two kinds:
 *
 * <ul>
 *   <li>links inside the Docker network (Flink, Connect and MirrorMaker to a broker, Connect to PostgreSQL
 *   and DynamoDB): faults cut these;</li>
 *   <li>{@code harness->...} routes from the Docker host (generators, checks and the harness's own calls
 *   to PostgreSQL, DynamoDB, Connect's and Flink's REST APIs, the registry). Toxiproxy is never
 *   restarted, so these host ports stay the same when a fault restarts the container behind them
 *   (Docker gives a restarted container new host ports).</li>
 * </ul>
 */
public final class ContainersLayout {

    public static final List<String> REGIONS = List.of("east", "west");
    /** The components scenarios may fault, known before start ({@code flink} is the shared TaskManager). */
    public static final java.util.Set<String> COMPONENTS = java.util.Set.of("kafka.east", "kafka.west", "connect",
            "postgres", "dynamodb", "mirror-maker", "schema-registry", "flink");

    public static final String CONNECT_TO_POSTGRES = "connect->postgres";
    public static final String CONNECT_TO_DYNAMODB = "connect->dynamodb";
    public static final String HARNESS_TO_POSTGRES = "harness->postgres";
    public static final String HARNESS_TO_DYNAMODB = "harness->dynamodb";
    public static final String HARNESS_TO_CONNECT = "harness->connect";
    public static final String HARNESS_TO_FLINK = "harness->flink";
    public static final String HARNESS_TO_REGISTRY = "harness->schema-registry";

    private final ProxyPlan plan = new ProxyPlan();

    public ContainersLayout() {
        for (String region : REGIONS) {
            for (KafkaLink link : KafkaLink.values()) {
                plan.add(link.proxyName(region), NetworkAliases.kafka(region), link.containerPort());
            }
        }
        plan.add(CONNECT_TO_POSTGRES, NetworkAliases.POSTGRES, PostgresContainers.PORT);
        plan.add(CONNECT_TO_DYNAMODB, NetworkAliases.DYNAMODB, DynamoDbContainers.PORT);
        plan.add(HARNESS_TO_POSTGRES, NetworkAliases.POSTGRES, PostgresContainers.PORT);
        plan.add(HARNESS_TO_DYNAMODB, NetworkAliases.DYNAMODB, DynamoDbContainers.PORT);
        plan.add(HARNESS_TO_CONNECT, NetworkAliases.CONNECT, ConnectContainers.REST_PORT);
        plan.add(HARNESS_TO_FLINK, NetworkAliases.FLINK_JOBMANAGER, FlinkContainers.REST_PORT);
        plan.add(HARNESS_TO_REGISTRY, NetworkAliases.SCHEMA_REGISTRY, SchemaRegistryContainers.PORT);
    }

    /**
     * The links faults name, each with the proxies it acts on together: the embedded topology's
     * vocabulary ({@code east.kafka} is every path into east's broker).
     */
    public static Map<String, List<String>> links() {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (String region : REGIONS) {
            links.put(region + ".kafka", Arrays.stream(KafkaLink.values()).map(link -> link.proxyName(region)).toList());
            links.put("harness->" + region, List.of(KafkaLink.HARNESS.proxyName(region)));
            links.put("mirror->" + region, List.of(KafkaLink.MIRROR.proxyName(region)));
        }
        links.put("flink->kafka", List.of(KafkaLink.FLINK.proxyName("east")));
        links.put("connect->kafka", List.of(KafkaLink.CONNECT.proxyName("east")));
        links.put(CONNECT_TO_POSTGRES, List.of(CONNECT_TO_POSTGRES));
        links.put(CONNECT_TO_DYNAMODB, List.of(CONNECT_TO_DYNAMODB));
        return links;
    }

    public ProxyPlan proxies() {
        return plan;
    }

    public ProxyRoute kafka(String region, KafkaLink link) {
        return plan.route(link.proxyName(region));
    }

    /** How a container on the network reaches a proxy: {@code toxiproxy:8667}. */
    public String inNetwork(String proxy) {
        return NetworkAliases.TOXIPROXY + ":" + plan.route(proxy).listenPort();
    }
}
