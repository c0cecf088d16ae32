package dev.pipelineharness.checks;

import java.util.List;

/** The hops of a pipeline a ledger record passes through, as far as they have been read ({@link HopLocator}). */
interface Hops {

    /** Reads what arrived at every hop since the last call. */
    void readNew();

    /** Record {@code ordinal} hop by hop; {@code seenAtDestination} is what the check itself counted there. */
    HopTrace trace(long ordinal, int seenAtDestination);

    /** What could not be followed, for the reader of the verdict. */
    List<String> notes();
}
