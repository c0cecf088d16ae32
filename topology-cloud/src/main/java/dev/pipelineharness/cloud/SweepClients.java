package dev.pipelineharness.cloud;

import dev.pipelineharness.cloud.aws.DynamoTables;
import dev.pipelineharness.cloud.aws.PostgresNamespace;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.sweep.CloudSweep;
import java.time.Duration;
import java.util.List;

/** The clients a {@link CloudSweep} needs, made from the topology's own configuration. */
public final class SweepClients {

    private final CloudServices services;

    public SweepClients(CloudConfig config) {
        this.services = new CloudServices(config, duration -> Thread.sleep(duration.toMillis()));
    }

    public CloudSweep sweep() {
        return new CloudSweep(services.flink, services.connect, List.copyOf(services.kafka.values()), services.registry,
                services.dynamoDb.map(endpoint -> new DynamoTables(endpoint, services.http.planning(), services.http.log())),
                services.postgres.map(jdbc -> new PostgresNamespace(jdbc, services.http.planning(), services.http.log(),
                        services.wait)),
                Duration.ofMinutes(5));
    }

    public CallLog log() {
        return services.http.log();
    }
}
