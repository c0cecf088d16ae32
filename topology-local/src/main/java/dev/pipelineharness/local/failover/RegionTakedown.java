package dev.pipelineharness.local.failover;

import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.proxy.LinkProxy;
import dev.pipelineharness.topology.support.BoundedWait;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A whole embedded region going away and coming back: every link into its broker cut (producers,
 * Flink, Connect and MirrorMaker all see refused connections at once, as they would when a data
 * centre drops off the network), then the broker killed, as its machines would be. The broker's data
 * stays on disk, so {@link #bringBack} restarts it on what it had.
 */
final class RegionTakedown {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);

    private RegionTakedown() {
    }

    /** Cuts, kills and probes; returns the evidence, or throws when the region still answers. */
    static String takeDown(KafkaRegion region) {
        for (KafkaLink link : KafkaLink.values()) {
            region.proxy(link).cut();
        }
        region.kill();
        BoundedWait.until("kafka " + region.region() + " to be gone after SIGKILL", GONE_WITHIN, null,
                () -> !region.isAlive());
        LinkProxy harness = region.proxy(KafkaLink.HARNESS);
        String refused = refusal(harness);
        return region.region() + ": " + KafkaLink.values().length + " links cut, kafka." + region.region()
                + " killed (process gone), " + refused;
    }

    /** A new connection to the region's bootstrap address must be refused: the outage is real. */
    private static String refusal(LinkProxy proxy) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
        } catch (ConnectException e) {
            return proxy.hostAndPort() + " refused a connection";
        } catch (IOException e) {
            return proxy.hostAndPort() + " did not answer (" + e.getMessage() + ")";
        }
        throw new IllegalStateException("region-outage had no effect: " + proxy.hostAndPort()
                + " still accepts connections after its links were cut");
    }

    static String bringBack(KafkaRegion region, Duration timeout) throws IOException {
        long start = System.nanoTime();
        for (KafkaLink link : KafkaLink.values()) {
            region.proxy(link).heal();
        }
        region.restart(timeout);
        return region.region() + ": links healed, kafka." + region.region() + " restarted on its data and ready"
                + " (answers a metadata request) after " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
}
