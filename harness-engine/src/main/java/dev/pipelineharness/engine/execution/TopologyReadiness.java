package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.TopologyControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a shared topology back after a scenario that faulted it, before any other scenario starts:
 * every link healed, every shared component running (restarted if it was left stopped, resumed if
 * left paused) and ready by its own signal. What it had to repair is returned, so the report says so.
 */
final class TopologyReadiness {

    private TopologyReadiness() {
    }

    /** @return what was repaired ({@code restarted kafka.east}), empty when everything was ready as it was */
    static List<String> restore(Topology topology, Duration timeout) throws Exception {
        List<String> repaired = new ArrayList<>();
        TopologyControl control = topology.capability(TopologyControl.class).orElse(null);
        if (control == null) {
            return repaired;
        }
        for (LinkControl link : control.links(null)) {
            if (!link.state().healthy()) {
                link.heal();
                repaired.add("healed " + link.name());
            }
        }
        for (ComponentControl component : control.sharedComponents()) {
            ComponentState state = component.state();
            if (state == ComponentState.PAUSED) {
                component.resume();
                repaired.add("resumed " + component.name());
            } else if (state == ComponentState.STOPPED) {
                component.restart(timeout);
                repaired.add("restarted " + component.name());
            }
            try {
                component.awaitReady(timeout);
            } catch (Exception notReady) {
                throw new IllegalStateException(component.name() + " is not ready again (" + component.readiness()
                        + ") after the scenario's faults: " + notReady.getMessage(), notReady);
            }
        }
        return repaired;
    }
}
