package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A region taken away by {@link RegionFailover#takeDown}.
 *
 * @param at       when it went away: the start of the recovery time (RTO)
 * @param evidence what the topology observed ({@code east: 4 links cut, kafka.east killed, 127.0.0.1:40123 refused a connection})
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Outage(String region, Instant at, String evidence) {
}
