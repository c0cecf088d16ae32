package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.FaultWindows;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notes when each fault of a timeline started acting and when its heal returned, so the checks can
 * tell the phases apart ({@link FaultWindows}). Wall-clock instants: the ledger and the brokers'
 * timestamps that checks compare them with are wall-clock too.
 */
final class FaultWindowRecorder {

    private record Opened(String fault, String description, Instant injectedAt) {
    }

    private final Clock clock;
    private final Map<Object, Opened> opened = new LinkedHashMap<>();
    private final Map<Object, Instant> healed = new LinkedHashMap<>();

    FaultWindowRecorder(Clock clock) {
        this.clock = clock;
    }

    /** The fault identified by {@code step} starts being injected now. */
    synchronized void injecting(Object step, String fault, String description) {
        opened.putIfAbsent(step, new Opened(fault, description, clock.instant()));
    }

    /** The heal of {@code step} has just returned. */
    synchronized void healed(Object step) {
        if (opened.containsKey(step)) {
            healed.put(step, clock.instant());
        }
    }

    synchronized FaultWindows windows() {
        List<FaultWindows.Window> windows = new ArrayList<>();
        opened.forEach((step, window) -> windows.add(new FaultWindows.Window(window.fault(), window.description(),
                window.injectedAt(), Optional.ofNullable(healed.get(step)))));
        return new FaultWindows(windows);
    }
}
