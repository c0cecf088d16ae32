/**
 * What a run tells the reports while it works: a small listener SPI ({@link dev.pipelineharness.engine.events.RunListener})
 * with typed records for the run, each scenario, its phases, its timeline (generators, faults and heals),
 * the figures its generators and faults publish, and each check's verdict with its diff. The JUnit
 * Platform events stay the contract for counting tests; these events carry what a report draws.
 */
package dev.pipelineharness.engine.events;
