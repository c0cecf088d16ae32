package dev.pipelineharness.cloud;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * Stand-ins for the {@code business-events} generator and the {@code failover} check, so that the
 * engine can read the shipped drill scenario in this module's tests without the generators and checks
 * modules (which would bring the embedded topology into this module's build). A planned scenario
 * stops after deploying and never generates or checks; should one ever run, the generator throws and
 * the check fails, so nothing can pass on them.
 */
final class PlanOnlyStandIns {

    private static final String WHY = "a plan-only stand-in of the cloud topology's tests: the real one is in the ";

    private PlanOnlyStandIns() {
    }

    public static final class BusinessEvents implements GeneratorProvider {
        @Override
        public String name() {
            return "business-events";
        }

        @Override
        public Generator create(Params params) {
            return new Generator() {
                @Override
                public String describe() {
                    return "business-events (" + WHY + "generators module)";
                }

                @Override
                public void generate(GenerationContext context) {
                    throw new UnsupportedOperationException(describe());
                }
            };
        }
    }

    public static final class Failover implements CheckProvider {
        @Override
        public String name() {
            return "failover";
        }

        @Override
        public List<Check> create(Params params) {
            return List.of(new Check() {
                @Override
                public String describe() {
                    return "failover (" + WHY + "checks module)";
                }

                @Override
                public Duration within() {
                    return Duration.ofSeconds(1);
                }

                @Override
                public Verdict evaluate(CheckContext context) {
                    return Verdict.fail(describe(), "never judges a drill");
                }
            });
        }
    }
}
