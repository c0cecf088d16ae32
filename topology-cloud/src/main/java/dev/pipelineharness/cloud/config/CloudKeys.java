package dev.pipelineharness.cloud.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The configuration keys of {@code topology: cloud}. Each is read, in this order, from the run's
 * configuration parameters ({@code pipeline-harness.cloud.kafka.east.api-key}), the environment
 * ({@link #environmentVariable}: {@code PIPELINE_HARNESS_CLOUD_KAFKA_EAST_API_KEY}) and a
 * {@code terraform output -json} file mapped by {@link #TERRAFORM_MAPPING}. Keys ending in
 * {@code api-key}, {@code api-secret}, {@code password}, {@code access-key-id} and
 * {@code secret-access-key} are held as secrets.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudKeys {

    /** Every key starts with this. */
    public static final String PREFIX = "pipeline-harness.cloud.";

    /** The Confluent Cloud environment id ({@code env-...}): required; the destructive allow-list matches it. */
    public static final String ENVIRONMENT_ID = PREFIX + "environment-id";
    /** The organization id (a UUID): required for Flink statements. */
    public static final String ORGANIZATION_ID = PREFIX + "organization-id";
    /** The Confluent Cloud API (Connect, compute pools); default {@code https://api.confluent.cloud}. */
    public static final String API_URL = PREFIX + "api-url";
    /** A Cloud API key (Connect): required. */
    public static final String CLOUD_API_KEY = PREFIX + "cloud-api-key";
    public static final String CLOUD_API_SECRET = PREFIX + "cloud-api-secret";
    /** The regions, primary first; default {@code east}. The DR drill needs two ({@code east,west}). */
    public static final String REGIONS = PREFIX + "regions";

    /** Per region {@code R}: {@code kafka.R.cluster-id}, {@code .rest-endpoint}, {@code .bootstrap}, {@code .api-key}, {@code .api-secret}. */
    public static String kafka(String region, String setting) {
        return PREFIX + "kafka." + region + "." + setting;
    }

    /** The regional Flink endpoint, {@code https://flink.us-east-1.aws.confluent.cloud}: required. */
    public static final String FLINK_ENDPOINT = PREFIX + "flink.endpoint";
    public static final String FLINK_API_KEY = PREFIX + "flink.api-key";
    public static final String FLINK_API_SECRET = PREFIX + "flink.api-secret";
    public static final String FLINK_COMPUTE_POOL = PREFIX + "flink.compute-pool-id";
    /** {@code sql.current-catalog}: the environment's display name. */
    public static final String FLINK_CATALOG = PREFIX + "flink.catalog";
    /** {@code sql.current-database}: the primary Kafka cluster's display name. */
    public static final String FLINK_DATABASE = PREFIX + "flink.database";

    /**
     * Per DR region {@code R}, for the failover drill, which re-creates the deployment's statements
     * against R's cluster: {@code flink.R.database} (R's cluster display name: required for the drill),
     * and, when R is another Flink region than the primary, {@code flink.R.endpoint},
     * {@code .compute-pool-id}, {@code .catalog}, {@code .api-key}, {@code .api-secret} (each defaults to
     * the primary's).
     */
    public static String flink(String region, String setting) {
        return PREFIX + "flink." + region + "." + setting;
    }

    /** Optional: the Schema Registry endpoint and its key; without them no subject is cleaned up. */
    public static final String REGISTRY_URL = PREFIX + "schema-registry.url";
    public static final String REGISTRY_API_KEY = PREFIX + "schema-registry.api-key";
    public static final String REGISTRY_API_SECRET = PREFIX + "schema-registry.api-secret";

    /** Optional group: the PostgreSQL (RDS / Aurora) endpoint; once the host is set the rest are required. */
    public static final String POSTGRES_HOST = PREFIX + "postgres.host";
    public static final String POSTGRES_PORT = PREFIX + "postgres.port";
    public static final String POSTGRES_DATABASE = PREFIX + "postgres.database";
    public static final String POSTGRES_USER = PREFIX + "postgres.user";
    public static final String POSTGRES_PASSWORD = PREFIX + "postgres.password";

    /** AWS region for DynamoDB and RDS; credentials optional (empty: the SDK's default chain). */
    public static final String AWS_REGION = PREFIX + "aws.region";
    public static final String AWS_ACCESS_KEY_ID = PREFIX + "aws.access-key-id";
    public static final String AWS_SECRET_ACCESS_KEY = PREFIX + "aws.secret-access-key";
    /** Endpoint overrides, for stub servers and VPC endpoints. */
    public static final String DYNAMODB_ENDPOINT = PREFIX + "dynamodb.endpoint";
    public static final String RDS_ENDPOINT = PREFIX + "rds.endpoint";
    /** The database a {@code restart} of {@code postgres} fails over: an RDS Multi-AZ instance ... */
    public static final String RDS_INSTANCE_ID = PREFIX + "rds.instance-id";
    /** ... or an Aurora cluster ({@code FailoverDBCluster}). */
    public static final String RDS_CLUSTER_ID = PREFIX + "rds.cluster-id";

    /** The cluster link on the DR region's cluster whose mirror topics a failover promotes. */
    public static final String LINK_NAME = PREFIX + "link.name";

    /** {@code true} lets faults touch shared infrastructure; also needs {@link #DESTRUCTIVE_ENVIRONMENTS}. Default false. */
    public static final String ALLOW_DESTRUCTIVE = PREFIX + "allow-destructive";
    /** Comma-separated environment ids a destructive fault may target: the allow-list. Default empty. */
    public static final String DESTRUCTIVE_ENVIRONMENTS = PREFIX + "destructive-environments";
    /** {@code true}: record every API call (secrets masked) to the plan file and change nothing. Default false. */
    public static final String PLAN = PREFIX + "plan";
    /** Where plan mode writes the calls; default {@code <work directory>/cloud-plan.txt}. */
    public static final String PLAN_FILE = PREFIX + "plan-file";

    /** The sweep's age limit: resources of runs that started longer ago than this go. Default 6 h. */
    public static final String SWEEP_OLDER_THAN = PREFIX + "sweep.older-than";

    /** The {@code terraform output -json} file to read values from. */
    public static final String TERRAFORM_OUTPUTS = PREFIX + "terraform-outputs";
    /** The properties file mapping keys (without the prefix) to output names: {@code kafka.east.bootstrap = east_bootstrap}. */
    public static final String TERRAFORM_MAPPING = PREFIX + "terraform-mapping";

    /** How often a state is polled (PENDING to RUNNING, ...); default 5 s (Terraform's provider polls every 10 s). */
    public static final String POLL_INTERVAL = PREFIX + "poll-interval";
    /** The longest any one call may keep retrying (429, 5xx, connection errors); default 2 min. */
    public static final String RETRY_DEADLINE = PREFIX + "retry-deadline";

    private CloudKeys() {
    }

    /** {@code pipeline-harness.cloud.kafka.east.api-key} is read from {@code PIPELINE_HARNESS_CLOUD_KAFKA_EAST_API_KEY}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** True for the keys whose values are secrets, never shown. */
    public static boolean isSecret(String key) {
        return key.endsWith("api-key") || key.endsWith("api-secret") || key.endsWith("password")
                || key.endsWith("access-key-id") || key.endsWith("secret-access-key");
    }
}
