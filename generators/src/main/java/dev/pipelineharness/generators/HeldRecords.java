package dev.pipelineharness.generators;

import dev.pipelineharness.api.Params;
import java.util.Locale;

/**
 * Refuses, while the scenario is validated, a record count this JVM cannot hold: every generated
 * record stays in the scenario's store for the oracle and the ledger until the checks are done, so a
 * count too large for the heap would otherwise pass validation, deploy, and die of OutOfMemoryError.
 */
public final class HeldRecords {

    /**
     * What one generated record costs while it is held: 266 bytes measured for a business event (a
     * list of 300,000 RawRecords, heap after GC, Java 17) plus about 21 bytes of ledger, rounded up.
     */
    public static final long BYTES_PER_RECORD = 300;

    private HeldRecords() {
    }

    /** @throws dev.pipelineharness.api.ScenarioDefinitionException at {@code key} when {@code records} do not fit */
    public static void requireFits(Params params, String key, long records) {
        requireFits(params, key, records, Runtime.getRuntime().maxMemory());
    }

    static void requireFits(Params params, String key, long records, long heapBytes) {
        double needed = (double) records * BYTES_PER_RECORD;
        if (needed > heapBytes) {
            throw params.error(key, String.format(Locale.ROOT, "%,d records would hold about %s in memory for the oracle"
                    + " and the ledger (about %d bytes each), more than this JVM may use (%s, -Xmx): lower it, or split"
                    + " the scenario", records, gib(needed), BYTES_PER_RECORD, gib(heapBytes)));
        }
    }

    private static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }
}
