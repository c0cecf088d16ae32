package dev.pipelineharness.faults;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A topology with one shared component ({@code broker}), one deployment-owned one ({@code job}) and
 * one link ({@code a->b}), whose states change as real ones would, unless told to ignore a fault.
 */
final class FakeControlledTopology implements Topology, TopologyControl {

    final FakeComponent broker = new FakeComponent("broker", Scope.SHARED);
    final FakeComponent job = new FakeComponent("job", Scope.DEPLOYMENT);
    /** A deployment's connector, as topologies name them; its observed state says more than the state. */
    final FakeComponent connector = new FakeComponent("connect.orders_cdc", Scope.DEPLOYMENT) {
        @Override
        public String observedState() {
            return state() + " (REST status: connector " + state() + ", tasks [0=" + state() + "])";
        }
    };
    final FakeLink link = new FakeLink("a->b");
    final List<String> evidence = new ArrayList<>();

    FaultContext context() {
        return new FaultContext() {
            @Override
            public Topology topology() {
                return FakeControlledTopology.this;
            }

            @Override
            public Deployment deployment() {
                return null;
            }

            @Override
            public ScenarioStore store() {
                return new ScenarioStore();
            }

            @Override
            public void evidence(String observation) {
                evidence.add(observation);
            }
        };
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void start() {
    }

    @Override
    public Endpoints endpoints() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> supportedFaults() {
        return faultKinds();
    }

    @Override
    public Deployment deploy(PipelineDefinition pipeline, Namespace namespace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        return List.of(broker, job, connector);
    }

    @Override
    public List<ComponentControl> sharedComponents() {
        return List.of(broker);
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return List.of(link);
    }

    @Override
    public Set<ComponentOperation> componentOperations() {
        return EnumSet.allOf(ComponentOperation.class);
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return EnumSet.allOf(LinkOperation.class);
    }

    @Override
    public Set<String> componentNames() {
        return Set.of("broker", "job");
    }

    @Override
    public Set<String> linkNames() {
        return Set.of("a->b");
    }

    @Override
    public boolean hasComponent(String name) {
        return componentNames().contains(name) || name.startsWith("connect.");
    }

    @Override
    public Scope scopeOf(String name) {
        return "job".equals(name) || name.startsWith("connect.") ? Scope.DEPLOYMENT : Scope.SHARED;
    }

    static class FakeComponent implements ComponentControl {
        private final String name;
        private final Scope scope;
        ComponentState state = ComponentState.RUNNING;
        boolean ignoresFaults;
        final List<String> calls = new ArrayList<>();

        FakeComponent(String name, Scope scope) {
            this.name = name;
            this.scope = scope;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public Set<ComponentOperation> operations() {
            return EnumSet.allOf(ComponentOperation.class);
        }

        @Override
        public String readiness() {
            return "answers";
        }

        @Override
        public ComponentState state() {
            return state;
        }

        @Override
        public void kill() {
            calls.add("kill");
            if (!ignoresFaults) {
                state = ComponentState.STOPPED;
            }
        }

        @Override
        public void pause() {
            calls.add("pause");
            if (!ignoresFaults) {
                state = ComponentState.PAUSED;
            }
        }

        @Override
        public void resume() {
            calls.add("resume");
            state = ComponentState.RUNNING;
        }

        @Override
        public void restart(Duration timeout) {
            calls.add("restart");
            state = ComponentState.RUNNING;
        }

        @Override
        public void awaitReady(Duration timeout) {
            calls.add("await-ready");
        }
    }

    static final class FakeLink implements LinkControl {
        private final String name;
        Duration latency = Duration.ZERO;
        Duration jitter = Duration.ZERO;
        boolean cut;
        boolean ignoresFaults;
        int connections = 3;

        FakeLink(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Scope scope() {
            return Scope.SHARED;
        }

        @Override
        public Set<LinkOperation> operations() {
            return EnumSet.allOf(LinkOperation.class);
        }

        @Override
        public LinkState state() {
            return new LinkState(latency, jitter, 0, false, cut, cut ? 0 : connections);
        }

        @Override
        public void latency(Duration latency, Duration jitter) {
            this.latency = latency;
            this.jitter = jitter;
        }

        @Override
        public void cut() {
            cut = !ignoresFaults;
        }

        @Override
        public void reset() {
        }

        @Override
        public void heal() {
            latency = Duration.ZERO;
            jitter = Duration.ZERO;
            cut = false;
        }
    }
}
