package dev.pipelineharness.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.cloud.pipeline.CloudPipeline;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.cloud.config.CloudConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code topology: cloud}: Confluent Cloud and AWS as they exist (created by Terraform). Unavailable,
 * with every missing setting named, until the endpoints and keys are configured.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudTopologyProvider implements TopologyProvider {

    public static final String NAME = "cloud";

    @Override
    public String name() {
        return NAME;
    }

    /** Its load is in Confluent Cloud and AWS: a cloud run never waits for a local run's fault scenario. */
    @Override
    public boolean runsOnThisMachine(TopologySettings settings) {
        return false;
    }

    @Override
    public Optional<String> unavailableReason(TopologySettings settings) {
        return unavailableReason(CloudConfig.from(settings));
    }

    static Optional<String> unavailableReason(CloudConfig config) {
        List<String> reasons = new ArrayList<>(config.problems());
        List<String> missing = config.missing();
        if (!missing.isEmpty()) {
            reasons.add("missing settings: " + String.join(", ", missing)
                    + "; set them as configuration parameters or environment variables, or map them from "
                    + "`terraform output -json` (pipeline-harness.cloud.terraform-outputs and "
                    + "pipeline-harness.cloud.terraform-mapping; docs/topologies.md, cloud)");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** Every file the cloud cannot run as written must have its {@code cloud/} override (CloudPipeline). */
    @Override
    public void validate(PipelineDefinition pipeline) {
        CloudPipeline.of(pipeline);
    }

    @Override
    public Topology create(TopologySettings settings) {
        return new CloudTopology(settings, CloudConfig.from(settings));
    }
}
