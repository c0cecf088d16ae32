package dev.pipelineharness.cloud;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.RegistryCredentials;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.cloud.aws.RdsClient;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.connect.ManagedConnectClient;
import dev.pipelineharness.cloud.control.DestructiveGuard;
import dev.pipelineharness.cloud.flink.ComputePoolClient;
import dev.pipelineharness.cloud.flink.FlinkSettings;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import dev.pipelineharness.cloud.http.ApiCredentials;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import dev.pipelineharness.cloud.kafka.ClusterLinkClient;
import dev.pipelineharness.cloud.kafka.KafkaCluster;
import dev.pipelineharness.cloud.kafka.KafkaRestClient;
import dev.pipelineharness.cloud.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every client of the cloud topology, made once from its configuration: one {@link CloudHttp} (so
 * one call log, one masker, one plan), the REST clients per API and the AWS endpoints.
 */
final class CloudServices {

    final CloudConfig config;
    final CloudHttp http;
    final CloudWait wait;
    final List<String> regions;
    final Map<String, KafkaRestClient> kafka = new LinkedHashMap<>();
    final Optional<ClusterLinkClient> link;
    final FlinkStatementsClient flink;
    /** The statements API against the DR region's cluster, for the failover drill; empty without its database. */
    final Optional<FlinkStatementsClient> drFlink;
    /** Why {@link #drFlink} is empty. */
    final String drFlinkMissing;
    final ComputePoolClient computePool;
    final ManagedConnectClient connect;
    final Optional<SchemaRegistryClient> registry;
    /** The Schema Registry key for the generators' and checks' Avro serdes (HTTP Basic); with {@link #registry}. */
    final Optional<RegistryCredentials> registryCredentials;
    final Optional<JdbcEndpoint> postgres;
    final Optional<DynamoDbEndpoint> dynamoDb;
    final Optional<RdsClient> rds;
    final DestructiveGuard guard;
    final String environmentId;

    CloudServices(CloudConfig config, CloudHttp.Sleeper sleeper) {
        this.config = config;
        this.http = new CloudHttp(CloudHttp.defaultClient(), config.duration(CloudKeys.RETRY_DEADLINE, Duration.ofMinutes(2)),
                config.flag(CloudKeys.PLAN), new CallLog(), config.masker(), sleeper);
        this.wait = new CloudWait(config.duration(CloudKeys.POLL_INTERVAL, Duration.ofSeconds(5)));
        this.regions = config.regions();
        this.environmentId = config.text(CloudKeys.ENVIRONMENT_ID);
        for (String region : regions) {
            kafka.put(region, new KafkaRestClient(http, wait, cluster(region)));
        }
        this.link = regions.size() > 1
                ? Optional.of(new ClusterLinkClient(http, wait, cluster(regions.get(1)), config.text(CloudKeys.LINK_NAME)))
                : Optional.empty();
        this.flink = new FlinkStatementsClient(http, wait, new FlinkSettings(URI.create(config.text(CloudKeys.FLINK_ENDPOINT)),
                config.text(CloudKeys.ORGANIZATION_ID), environmentId, config.text(CloudKeys.FLINK_COMPUTE_POOL),
                config.text(CloudKeys.FLINK_CATALOG), config.text(CloudKeys.FLINK_DATABASE),
                credentials("Flink SQL", CloudKeys.FLINK_API_KEY, CloudKeys.FLINK_API_SECRET)));
        if (regions.size() > 1) {
            String dr = regions.get(1);
            Optional<String> database = config.value(CloudKeys.flink(dr, "database"));
            this.drFlinkMissing = CloudConfig.describe(CloudKeys.flink(dr, "database")) + " (the DR cluster's display "
                    + "name, its Flink database) is not set";
            this.drFlink = database.map(name -> new FlinkStatementsClient(http, wait, new FlinkSettings(
                    URI.create(config.text(CloudKeys.flink(dr, "endpoint"), config.text(CloudKeys.FLINK_ENDPOINT))),
                    config.text(CloudKeys.ORGANIZATION_ID), environmentId,
                    config.text(CloudKeys.flink(dr, "compute-pool-id"), config.text(CloudKeys.FLINK_COMPUTE_POOL)),
                    config.text(CloudKeys.flink(dr, "catalog"), config.text(CloudKeys.FLINK_CATALOG)), name,
                    config.value(CloudKeys.flink(dr, "api-key")).isPresent()
                            ? credentials("Flink SQL (" + dr + ")", CloudKeys.flink(dr, "api-key"), CloudKeys.flink(dr, "api-secret"))
                            : credentials("Flink SQL", CloudKeys.FLINK_API_KEY, CloudKeys.FLINK_API_SECRET))));
        } else {
            this.drFlink = Optional.empty();
            this.drFlinkMissing = "there is no DR region";
        }
        this.computePool = new ComputePoolClient(http, wait, URI.create(config.text(CloudKeys.API_URL, "https://api.confluent.cloud")),
                config.text(CloudKeys.FLINK_COMPUTE_POOL), environmentId,
                credentials("Confluent Cloud (compute pools)", CloudKeys.CLOUD_API_KEY, CloudKeys.CLOUD_API_SECRET));
        this.connect = new ManagedConnectClient(http, wait, URI.create(config.text(CloudKeys.API_URL, "https://api.confluent.cloud")),
                environmentId, primary().cluster().clusterId(),
                credentials("Confluent Cloud (Connect)", CloudKeys.CLOUD_API_KEY, CloudKeys.CLOUD_API_SECRET));
        this.registry = config.value(CloudKeys.REGISTRY_URL).map(url -> new SchemaRegistryClient(http, URI.create(url),
                credentials("Schema Registry", CloudKeys.REGISTRY_API_KEY, CloudKeys.REGISTRY_API_SECRET)));
        this.registryCredentials = registry.map(present -> new RegistryCredentials(
                config.secret(CloudKeys.REGISTRY_API_KEY), config.secret(CloudKeys.REGISTRY_API_SECRET)));
        this.postgres = config.value(CloudKeys.POSTGRES_HOST).map(host -> {
            int port = Integer.parseInt(config.text(CloudKeys.POSTGRES_PORT, "5432"));
            String database = config.text(CloudKeys.POSTGRES_DATABASE);
            return new JdbcEndpoint("jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=require", host, port,
                    database, config.text(CloudKeys.POSTGRES_USER), config.secret(CloudKeys.POSTGRES_PASSWORD));
        });
        Optional<String> awsRegion = config.value(CloudKeys.AWS_REGION);
        this.dynamoDb = awsRegion.map(region -> new DynamoDbEndpoint(config.value(CloudKeys.DYNAMODB_ENDPOINT).map(URI::create),
                region, config.value(CloudKeys.AWS_ACCESS_KEY_ID), config.optionalSecret(CloudKeys.AWS_SECRET_ACCESS_KEY)));
        boolean database = config.value(CloudKeys.RDS_INSTANCE_ID).isPresent() || config.value(CloudKeys.RDS_CLUSTER_ID).isPresent();
        this.rds = awsRegion.filter(region -> database).map(region -> new RdsClient(http, wait,
                config.value(CloudKeys.RDS_ENDPOINT).map(URI::create).orElse(RdsClient.defaultEndpoint(region)), region,
                awsCredentials()));
        this.guard = new DestructiveGuard(config.flag(CloudKeys.ALLOW_DESTRUCTIVE),
                config.list(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, ""), environmentId);
    }

    KafkaRestClient primary() {
        return kafka.get(regions.get(0));
    }

    /** The client properties of a region: SASL_SSL with the cluster key, the JAAS line held as a secret. */
    KafkaEndpoint kafkaEndpoint(String region) {
        KafkaCluster cluster = kafka.get(region).cluster();
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + cluster.credentials().key().reveal() + "\" password=\"" + cluster.credentials().secret().reveal() + "\";";
        config.masker().add(jaas);
        return new KafkaEndpoint(region, cluster.bootstrap(), Map.of("security.protocol", Secret.of("SASL_SSL"),
                "sasl.mechanism", Secret.of("PLAIN"), "sasl.jaas.config", Secret.of(jaas)));
    }

    private KafkaCluster cluster(String region) {
        return new KafkaCluster(region, config.text(CloudKeys.kafka(region, "cluster-id")),
                URI.create(config.text(CloudKeys.kafka(region, "rest-endpoint"))),
                config.text(CloudKeys.kafka(region, "bootstrap")),
                credentials("Kafka REST (" + region + ")", CloudKeys.kafka(region, "api-key"), CloudKeys.kafka(region, "api-secret")));
    }

    private ApiCredentials credentials(String api, String keySetting, String secretSetting) {
        return new ApiCredentials(api, keySetting, secretSetting, config.secret(keySetting), config.secret(secretSetting));
    }

    private AwsCredentialsProvider awsCredentials() {
        Optional<String> keyId = config.value(CloudKeys.AWS_ACCESS_KEY_ID);
        Optional<Secret> secret = config.optionalSecret(CloudKeys.AWS_SECRET_ACCESS_KEY);
        if (keyId.isPresent() && secret.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId.get(), secret.get().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
