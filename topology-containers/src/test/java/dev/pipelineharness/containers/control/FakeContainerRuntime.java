package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.control.ComponentState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A container runtime that records what it was asked and keeps each container's state as Docker would. */
final class FakeContainerRuntime implements ContainerRuntime {

    final List<String> calls = new ArrayList<>();
    private final Map<String, ComponentState> states = new HashMap<>();
    /** When false, operations are recorded but states do not change: a runtime that lies. */
    boolean takesEffect = true;

    @Override
    public void kill(String id) {
        record("kill " + id, id, ComponentState.STOPPED);
    }

    @Override
    public void pause(String id) {
        record("pause " + id, id, ComponentState.PAUSED);
    }

    @Override
    public void unpause(String id) {
        record("unpause " + id, id, ComponentState.RUNNING);
    }

    @Override
    public void stop(String id, Duration grace) {
        record("stop " + id, id, ComponentState.STOPPED);
    }

    @Override
    public void start(String id) {
        record("start " + id, id, ComponentState.RUNNING);
    }

    @Override
    public ComponentState state(String id) {
        return states.getOrDefault(id, ComponentState.RUNNING);
    }

    private synchronized void record(String call, String id, ComponentState after) {
        calls.add(call);
        if (takesEffect) {
            states.put(id, after);
        }
    }
}
