package dev.pipelineharness.containers.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** A {@link LinkProxy} on a real Toxiproxy, through its Java client (the HTTP API on port 8474). */
public final class ToxiproxyLinkProxy implements LinkProxy {

    private static final List<ToxicDirection> BOTH_WAYS = List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);

    private final Proxy proxy;

    public ToxiproxyLinkProxy(Proxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public String name() {
        return proxy.getName();
    }

    @Override
    public void latency(Duration latency, Duration jitter) {
        call(() -> {
            removeNamed("latency");
            for (ToxicDirection direction : BOTH_WAYS) {
                proxy.toxics().latency(toxicName("latency", direction), direction, latency.toMillis())
                        .setJitter(jitter.toMillis());
            }
        });
    }

    @Override
    public void bandwidth(long kilobytesPerSecond) {
        call(() -> {
            removeNamed("bandwidth");
            for (ToxicDirection direction : BOTH_WAYS) {
                proxy.toxics().bandwidth(toxicName("bandwidth", direction), direction, kilobytesPerSecond);
            }
        });
    }

    @Override
    public void stall() {
        call(() -> {
            removeNamed("stall");
            for (ToxicDirection direction : BOTH_WAYS) {
                proxy.toxics().timeout(toxicName("stall", direction), direction, 0);
            }
        });
    }

    @Override
    public void enabled(boolean enabled) {
        call(() -> {
            if (enabled) {
                proxy.enable();
            } else {
                proxy.disable();
            }
        });
    }

    @Override
    public void removeToxics() {
        call(() -> {
            for (Toxic toxic : proxy.toxics().getAll()) {
                toxic.remove();
            }
        });
    }

    @Override
    public ProxyState state() {
        try {
            Duration latency = Duration.ZERO;
            Duration jitter = Duration.ZERO;
            long rate = 0;
            boolean stalled = false;
            for (Toxic toxic : proxy.toxics().getAll()) {
                if (toxic instanceof Latency l) {
                    latency = Duration.ofMillis(l.getLatency());
                    jitter = Duration.ofMillis(l.getJitter());
                } else if (toxic instanceof Bandwidth b) {
                    rate = b.getRate();
                } else if (toxic instanceof Timeout) {
                    stalled = true;
                }
            }
            return new ProxyState(proxy.isEnabled(), latency, jitter, rate, stalled);
        } catch (IOException e) {
            throw new UncheckedIOException("Toxiproxy did not report proxy " + proxy.getName(), e);
        }
    }

    private void removeNamed(String kind) throws IOException {
        for (Toxic toxic : proxy.toxics().getAll()) {
            if (toxic.getName().startsWith(kind + "-")) {
                toxic.remove();
            }
        }
    }

    private static String toxicName(String kind, ToxicDirection direction) {
        return kind + "-" + direction.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void call(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Toxiproxy refused a change to proxy " + proxy.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @Override
    public String toString() {
        return "toxiproxy " + proxy.getName() + " (" + proxy.getListen() + " -> " + proxy.getUpstream() + ")";
    }
}
