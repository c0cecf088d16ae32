package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Params;

/**
 * {@code pause: east}: a fault of kind {@code pause} that only records when it is injected and healed;
 * {@code pause: slow-east} takes 400 ms to inject.
 */
public class FakeFaultProvider implements FaultProvider {

    @Override
    public String name() {
        return "pause";
    }

    protected String kind() {
        return "pause";
    }

    @Override
    public Fault create(Params params) {
        String target = params.isScalar() ? params.scalarText() : "all";
        String kind = kind();
        return new Fault() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String describe() {
                return kind + " " + target;
            }

            @Override
            public void inject(FaultContext context) {
                if (target.startsWith("slow-")) {
                    // an injection that takes a while, as one waiting for its evidence on a loaded machine does
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                FakeEvents.record("inject " + kind + " " + target);
            }

            @Override
            public void heal(FaultContext context) {
                FakeEvents.record("heal " + kind + " " + target);
            }
        };
    }

    /** A fault kind the fake topology does not support. */
    public static class Teleport extends FakeFaultProvider {
        @Override
        public String name() {
            return "teleport";
        }

        @Override
        protected String kind() {
            return "teleport";
        }
    }
}
