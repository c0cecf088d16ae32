package dev.pipelineharness.checks.failover;

import java.time.Duration;

/**
 * What a drill must achieve.
 *
 * @param rpoMaxEvents   acknowledged events the failover may lose at most (those the replica had not received)
 * @param rtoMax         the longest acceptable time from the outage to the first record through the new region
 * @param duplicatesMax  the largest acceptable fraction of redelivered copies among delivered events
 */
record FailoverThresholds(long rpoMaxEvents, Duration rtoMax, double duplicatesMax) {
}
