package dev.pipelineharness.local.bench;

import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.local.EmbeddedTopology;
import dev.pipelineharness.local.EmbeddedTopologyProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./harness bench topology}: a cold start of the whole two-region embedded topology, printing
 * {@code BENCH <name> <value> <unit>} lines: time to ready overall and per component, and the peak
 * resident memory of all its processes together (this JVM included, since the registry and proxies
 * run in it).
 */
public final class TopologyBench {

    private TopologyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/harness/bench");
        TopologySettings settings = new TopologySettings(work, false, Duration.ofMinutes(3), Map.of());
        AtomicLong peakKib = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> peakKib.accumulateAndGet(ProcessMemory.treeRssKib(), Math::max),
                0, 250, TimeUnit.MILLISECONDS);
        EmbeddedTopology topology = (EmbeddedTopology) new EmbeddedTopologyProvider().create(settings);
        try {
            long begin = System.nanoTime();
            topology.start();
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("BENCH topology.ready.seconds %.1f s%n", seconds);
            topology.startTimes().forEach((component, time) ->
                    System.out.printf("BENCH topology.%s.ready.seconds %.1f s%n", component, time.toMillis() / 1e3));
            // Let background work (MirrorMaker's first topic sync, Connect's rebalance) settle before the peak counts.
            long settleUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < settleUntil) {
                TimeUnit.MILLISECONDS.sleep(250); // sampling period, not a readiness wait
            }
            System.out.printf("BENCH topology.rss.mb %d MB%n", peakKib.get() / 1024);
        } finally {
            sampler.shutdownNow();
            topology.close();
        }
    }
}
