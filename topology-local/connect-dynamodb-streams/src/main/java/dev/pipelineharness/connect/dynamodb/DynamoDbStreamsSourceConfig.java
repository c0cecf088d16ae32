package dev.pipelineharness.connect.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The configuration of {@link DynamoDbStreamsSourceConnector}: every key, its default and what it does. */
public final class DynamoDbStreamsSourceConfig extends AbstractConfig {

    /** The DynamoDB table whose stream is read. Required. */
    public static final String TABLE_NAME = "dynamodb.table.name";
    /** Endpoint of DynamoDB and DynamoDB Streams, e.g. {@code http://127.0.0.1:8000} for DynamoDB Local; empty for AWS. */
    public static final String ENDPOINT_OVERRIDE = "aws.endpoint.override";
    /** AWS region. Default {@code us-east-1}. */
    public static final String REGION = "aws.region";
    /** Access key id; empty to use the AWS default credentials chain. */
    public static final String ACCESS_KEY_ID = "aws.access.key.id";
    /** Secret access key (a password: Connect masks it in its REST answers and logs). */
    public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    /** The Kafka topic the changes go to. Required. */
    public static final String TOPIC = "kafka.topic";
    /** How long a task waits before asking the stream again when the last round found nothing. Default 500 ms. */
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    /** Most records one poll returns (also the GetRecords limit, at most 1000). Default 1000. */
    public static final String BATCH_SIZE = "batch.size";
    /** How often the task lists the stream's shards to find new (child) shards. Default 5000 ms. */
    public static final String SHARD_REFRESH_MS = "shard.refresh.interval.ms";
    /** Most time one AWS call (with its retries) may take before the poll fails as retriable. Default 20000 ms. */
    public static final String CALL_TIMEOUT_MS = "aws.call.timeout.ms";
    /** {@code struct} (a Connect Struct with a schema, for Avro or JSON with schemas) or {@code json} (a schemaless map). Default struct. */
    public static final String OUTPUT_FORMAT = "output.format";

    /** The two value shapes a task can emit. */
    public enum OutputFormat { STRUCT, JSON }

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TABLE_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Name of the DynamoDB table whose stream (NEW_IMAGE or NEW_AND_OLD_IMAGES) is read.")
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka topic the change records are written to.")
            .define(ENDPOINT_OVERRIDE, Type.STRING, "", Importance.MEDIUM,
                    "Endpoint of DynamoDB and DynamoDB Streams (DynamoDB Local: http://HOST:PORT). Empty for the AWS endpoint of the region.")
            .define(REGION, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "AWS region of the table.")
            .define(ACCESS_KEY_ID, Type.STRING, "", Importance.MEDIUM,
                    "AWS access key id. Empty: the AWS SDK default credentials chain (environment, profile, instance role).")
            .define(SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                    "AWS secret access key, used with aws.access.key.id.")
            .define(POLL_INTERVAL_MS, Type.LONG, 500L, ConfigDef.Range.between(10L, 60_000L), Importance.LOW,
                    "Milliseconds a task waits before reading the stream again after a round that found no records.")
            .define(BATCH_SIZE, Type.INT, 1000, ConfigDef.Range.between(1, 1000), Importance.LOW,
                    "Most records one poll returns; also the GetRecords limit.")
            .define(SHARD_REFRESH_MS, Type.LONG, 5000L, ConfigDef.Range.between(100L, 600_000L), Importance.LOW,
                    "Milliseconds between listings of the stream's shards (new child shards are found this way; a closed shard triggers a listing at once).")
            .define(CALL_TIMEOUT_MS, Type.LONG, 20_000L, ConfigDef.Range.between(100L, 600_000L), Importance.LOW,
                    "Milliseconds one DynamoDB or DynamoDB Streams call, retries included, may take; a call that takes longer"
                            + " fails the poll with a retriable error and the worker polls again.")
            .define(OUTPUT_FORMAT, Type.STRING, "struct", ConfigDef.ValidString.in("struct", "json"), Importance.MEDIUM,
                    "struct: key and value are Connect Structs with schemas (for AvroConverter or JsonConverter with schemas). "
                            + "json: schemaless maps (JsonConverter with schemas.enable=false).");

    public DynamoDbStreamsSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        if (accessKeyId().isPresent() != secretAccessKey().isPresent()) {
            throw new ConfigException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " must be set together");
        }
        endpointOverride(); // fail at start, not at first call, on a malformed URI
    }

    public static ConfigDef configDef() {
        return CONFIG_DEF;
    }

    public String tableName() {
        return getString(TABLE_NAME);
    }

    public String topic() {
        return getString(TOPIC);
    }

    public Optional<URI> endpointOverride() {
        String value = getString(ENDPOINT_OVERRIDE).trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ENDPOINT_OVERRIDE, value, "not an absolute URI like http://127.0.0.1:8000 (" + e.getMessage() + ")");
        }
    }

    public String region() {
        return getString(REGION);
    }

    public Optional<String> accessKeyId() {
        return Optional.of(getString(ACCESS_KEY_ID).trim()).filter(value -> !value.isEmpty());
    }

    public Optional<Password> secretAccessKey() {
        Password password = getPassword(SECRET_ACCESS_KEY);
        return Optional.ofNullable(password).filter(value -> !value.value().isEmpty());
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public Duration shardRefreshInterval() {
        return Duration.ofMillis(getLong(SHARD_REFRESH_MS));
    }

    public Duration callTimeout() {
        return Duration.ofMillis(getLong(CALL_TIMEOUT_MS));
    }

    public OutputFormat outputFormat() {
        return OutputFormat.valueOf(getString(OUTPUT_FORMAT).toUpperCase(Locale.ROOT));
    }
}
