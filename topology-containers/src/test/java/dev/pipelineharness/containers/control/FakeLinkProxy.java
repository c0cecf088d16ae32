package dev.pipelineharness.containers.control;

import dev.pipelineharness.containers.proxy.LinkProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Toxiproxy proxy in memory: it keeps the toxics it was given, as Toxiproxy's API reports them back. */
final class FakeLinkProxy implements LinkProxy {

    final String name;
    final List<String> calls = new ArrayList<>();
    private boolean enabled = true;
    private Duration latency = Duration.ZERO;
    private Duration jitter = Duration.ZERO;
    private long rate;
    private boolean stalled;

    FakeLinkProxy(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void latency(Duration latency, Duration jitter) {
        calls.add("latency " + latency.toMillis() + "+-" + jitter.toMillis());
        this.latency = latency;
        this.jitter = jitter;
    }

    @Override
    public void bandwidth(long kilobytesPerSecond) {
        calls.add("bandwidth " + kilobytesPerSecond);
        rate = kilobytesPerSecond;
    }

    @Override
    public void stall() {
        calls.add("stall");
        stalled = true;
    }

    @Override
    public void enabled(boolean enabled) {
        calls.add(enabled ? "enable" : "disable");
        this.enabled = enabled;
    }

    @Override
    public void removeToxics() {
        calls.add("remove toxics");
        latency = Duration.ZERO;
        jitter = Duration.ZERO;
        rate = 0;
        stalled = false;
    }

    @Override
    public ProxyState state() {
        return new ProxyState(enabled, latency, jitter, rate, stalled);
    }
}
