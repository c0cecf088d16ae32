package dev.pipelineharness.checks.failover;

/**
 * One record read from a topic's copy in the region failed over to.
 *
 * @param topic   the physical topic name
 * @param ordinal the ledger ordinal in its {@code event_id}; -1 when it has none
 */
record WestRecord(String topic, int partition, long offset, long ordinal) {
}
