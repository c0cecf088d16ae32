package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a link imposes now, as its topology observed it: the evidence a link fault took effect (and
 * that a heal removed it).
 *
 * @param bytesPerSecond the bandwidth limit per connection and direction; 0 when unlimited
 * @param openConnections connections passing through the link now
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record LinkState(Duration latency, Duration jitter, long bytesPerSecond, boolean stalled, boolean cut,
                        int openConnections) {

    /** True when the link imposes nothing: no latency, no limit, not stalled, not cut. */
    public boolean healthy() {
        return latency.isZero() && jitter.isZero() && bytesPerSecond == 0 && !stalled && !cut;
    }
}
