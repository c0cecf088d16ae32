package dev.pipelineharness.engine.fakes;

import java.util.ArrayList;
import java.util.List;

/** What the fakes did, in order, for the engine tests to assert on. Reset before each test. */
public final class FakeEvents {

    private static final List<String> EVENTS = new ArrayList<>();

    private FakeEvents() {
    }

    public static synchronized void record(String event) {
        EVENTS.add(event);
    }

    public static synchronized List<String> all() {
        return List.copyOf(EVENTS);
    }

    public static synchronized void reset() {
        EVENTS.clear();
    }
}
