/**
 * Expectations for a team's own pipeline, with no Java: {@code expected-rows} (a table or topic
 * equals rows given inline or in a file), {@code sql-oracle} (it equals a SQL query over what the
 * generators actually wrote, run in a scratch schema of PostgreSQL: differential testing of the
 * streaming job against a batch statement of what it means) and {@code record-properties} (every
 * record satisfies a SQL predicate). Topics and tables are checked against the pipeline at load time.
 */
package dev.pipelineharness.checks.expect;
