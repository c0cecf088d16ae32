package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How one check settled.
 *
 * @param uniqueId     the JUnit Platform unique id of the check's test
 * @param name         the check as displayed ({@code routed: 3 topics})
 * @param location     where the check is written ({@code suite/routing.scenario.yaml:12})
 * @param summary      the last verdict's one-line summary, or the error of the last evaluation
 * @param details      the diff of a failed check (missing / extra / wrong records), empty when it passed
 * @param message      the whole failure message as the JUnit Platform reports it, empty when it passed
 * @param settledAfter since the check phase started
 * @param measurement  whether a passing summary is a measurement worth showing ({@code Check#measures()})
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record CheckResult(String uniqueId, String name, String location, boolean passed, String summary,
                          String details, String message, Duration settledAfter, boolean measurement) {
}
