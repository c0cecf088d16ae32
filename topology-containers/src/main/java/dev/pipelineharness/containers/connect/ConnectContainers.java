package dev.pipelineharness.containers.connect;

import dev.pipelineharness.containers.support.NetworkAliases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * One distributed Kafka Connect worker from Debezium's {@code connect} image (the PostgreSQL source and
 * the JDBC sink are installed there), configured through the variables the image documents, with this
 * project's DynamoDB Streams source copied into its plugin path. It reaches east through east's
 * {@code CONNECT} proxy; its own state (configs, offsets, statuses) lives in east too.
 */
public final class ConnectContainers {

    public static final int REST_PORT = 8083;
    /** The image's plugin path ({@code KAFKA_CONNECT_PLUGINS_DIR}); each plugin in a directory of its own. */
    public static final String PLUGIN_PATH = "/kafka/connect";
    public static final String DYNAMODB_PLUGIN_DIRECTORY = PLUGIN_PATH + "/pipeline-harness-dynamodb-streams";

    private ConnectContainers() {
    }

    /**
     * @param bootstrap         how the worker reaches east ({@code toxiproxy:<east's CONNECT proxy port>})
     * @param dynamoDbConnector the connector's jar and the jars it needs (the AWS SDK)
     */
    public static GenericContainer<?> worker(DockerImageName image, Network network, String bootstrap,
                                             List<Path> dynamoDbConnector) {
        GenericContainer<?> worker = new GenericContainer<>(image);
        worker.withNetwork(network)
                .withNetworkAliases(NetworkAliases.CONNECT)
                .withEnv("BOOTSTRAP_SERVERS", bootstrap)
                .withEnv("GROUP_ID", "pipeline-harness-connect")
                .withEnv("CONFIG_STORAGE_TOPIC", "harness-connect-configs")
                .withEnv("OFFSET_STORAGE_TOPIC", "harness-connect-offsets")
                // the image's README: any other CONNECT_A_B variable becomes the worker property a.b
                .withEnv("CONNECT_STATUS_STORAGE_TOPIC", "harness-connect-statuses")
                .withEnv("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("CONNECT_STATUS_STORAGE_REPLICATION_FACTOR", "1")
                // connector files choose their converters; the worker's default is JSON without schemas
                .withEnv("KEY_CONVERTER", "org.apache.kafka.connect.json.JsonConverter")
                .withEnv("VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter")
                .withEnv("CONNECT_KEY_CONVERTER_SCHEMAS_ENABLE", "false")
                .withEnv("CONNECT_VALUE_CONVERTER_SCHEMAS_ENABLE", "false")
                .withEnv("OFFSET_FLUSH_INTERVAL_MS", "1000")
                .withEnv("HEAP_OPTS", "-Xmx512m")
                .withExposedPorts(REST_PORT)
                .waitingFor(Wait.forHttp("/connectors").forPort(REST_PORT).forStatusCode(200));
        for (Path part : dynamoDbConnector) {
            // a jar goes into the plugin's directory; a class directory (the connector built in this
            // reactor but not packaged) becomes it: Connect takes a directory holding classes as a plugin
            String target = Files.isDirectory(part) ? DYNAMODB_PLUGIN_DIRECTORY
                    : DYNAMODB_PLUGIN_DIRECTORY + "/" + part.getFileName();
            worker.withCopyFileToContainer(MountableFile.forHostPath(part), target);
        }
        return worker;
    }
}
