package dev.pipelineharness.ledger;

/** Where one generated record stands, as far as the checks have seen. */
public enum RecordStatus {
    /** Planned but never handed to a sink (a duration-bounded generator stopped first). */
    NOT_WRITTEN,
    /** Every written copy seen at its destination, in order (or, for poison, seen nowhere). */
    DELIVERED,
    /** Acknowledged by the sink but (some copies) not seen at the destination. */
    MISSING,
    /** More copies seen than were written. */
    DUPLICATED,
    /** Seen after a later record of the same key. */
    OUT_OF_ORDER,
    /** Written without acknowledgement, or some copies not seen yet: may still arrive. */
    NOT_YET_SEEN,
    /** Seen at a destination other than its own. */
    WRONG_DESTINATION
}
