package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** What can be done to a link; each has the fault kind ({@link #faultKind()}) scenarios name. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum LinkOperation {
    /** Every chunk of data delayed, each way, by a latency with jitter. */
    LATENCY,
    /** Each connection limited, each way, to a number of bytes per second. */
    BANDWIDTH,
    /** Connections stay open but no byte moves: clients see timeouts, not errors. */
    STALL,
    /** Every open connection reset (RST to both ends); new ones are accepted. */
    RESET,
    /** A partition: new connections refused, open ones reset, until healed. */
    CUT;

    /** {@code link-latency}, {@code link-bandwidth}, {@code link-stall}, {@code link-reset}, {@code link-cut}. */
    public String faultKind() {
        return "link-" + name().toLowerCase(Locale.ROOT);
    }
}
