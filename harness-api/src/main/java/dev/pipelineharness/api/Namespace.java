package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Where one scenario's pipeline lives on a shared topology. Every topic, table, connector and job
 * that a scenario creates carries {@link #prefix()}, so scenarios of one run (and several runs on
 * one cloud environment) never see each other's data.
 *
 * @param runId      identifies the engine run (one topology start)
 * @param scenarioId identifies the scenario within the run
 */
@API(status = STABLE, since = "0.1")
public record Namespace(String runId, String scenarioId) {

    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]*");

    public Namespace {
        if (!SAFE.matcher(runId).matches() || !SAFE.matcher(scenarioId).matches()) {
            throw new IllegalArgumentException(
                    "run and scenario ids must match " + SAFE + " (usable in topic, table and schema names): "
                            + runId + ", " + scenarioId);
        }
    }

    /** Turns any text (a scenario name, say) into an id usable in {@link Namespace}. */
    public static String sanitize(String text) {
        String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
            id = "s_" + id;
        }
        return id.length() > 24 ? id.substring(0, 24) : id;
    }

    /** A prefix for names: lower case letters, digits and underscores, ending in an underscore. */
    public String prefix() {
        return runId + "_" + scenarioId + "_";
    }
}
