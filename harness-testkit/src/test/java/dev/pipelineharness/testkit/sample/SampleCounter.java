package dev.pipelineharness.testkit.sample;

import java.util.concurrent.atomic.AtomicLong;

/** What the sample generator leaves in the scenario's store for the sample check. */
public final class SampleCounter {
    public final AtomicLong value = new AtomicLong();
}
