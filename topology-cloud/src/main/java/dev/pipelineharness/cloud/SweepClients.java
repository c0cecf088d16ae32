package dev.pipelineharness.cloud;

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
                Duration.ofMinutes(5));
    }

    public CallLog log() {
        return services.http.log();
    }
}
