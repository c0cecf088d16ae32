package dev.pipelineharness.cloud;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.cloud.config.HarnessNames;
import java.time.Duration;
import java.util.List;

/**
 * A test check ({@code deployed-topics}): every declared topic of the deployment has a harness
 * name. It fails when one has not, so the engine test's pass means something.
 */
public final class DeployedTopicsCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "deployed-topics";
    }

    @Override
    public List<Check> create(Params params) {
        return List.of(new Check() {
            @Override
            public String describe() {
                return "deployed-topics";
            }

            @Override
            public Duration within() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Verdict evaluate(CheckContext context) {
                for (TopicSpec topic : context.deployment().pipeline().topics()) {
                    String physical = context.deployment().topic(topic.name());
                    if (!HarnessNames.isHarnessName(physical)) {
                        return Verdict.fail("topic " + topic.name() + " is " + physical, "not a harness name");
                    }
                }
                return Verdict.pass("every topic has a harness name");
            }
        });
    }
}
