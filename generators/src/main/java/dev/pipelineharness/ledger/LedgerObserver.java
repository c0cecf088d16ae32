package dev.pipelineharness.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What one check saw of a {@link Ledger}'s records at their destinations: copies seen, first
 * sighting time and order flags, 6 bytes per record in primitive pages. Classifies every record
 * against what the ledger says was written and acknowledged.
 */
public final class LedgerObserver {

    private static final byte OUT_OF_ORDER = 1;
    private static final byte WRONG_DESTINATION = 2;

    private final Ledger ledger;
    private final Map<Integer, Long> lastSeenByKey = new HashMap<>();
    private byte[][] seenCopies = new byte[0][];
    private byte[][] flags = new byte[0][];
    private int[][] firstSeenAt = new int[0][];

    LedgerObserver(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * One copy of record {@code ordinal} was seen at {@code destinationId}. Copies must be reported in
     * the order they were read from one ordered stream (a partition): a record first seen after a
     * later record of the same key is marked out of order.
     */
    public synchronized void observed(long ordinal, int destinationId) {
        observed(ordinal, destinationId, ledger.epochMillis() + ledger.now() - 1);
    }

    /**
     * As {@link #observed(long, int)}, with the time the record appeared at its destination (epoch
     * milliseconds, such as the broker's timestamp of the output record) instead of now.
     */
    public synchronized void observed(long ordinal, int destinationId, long appearedAtEpochMillis) {
        ledger.check(ordinal);
        ensurePages(ordinal);
        int page = Ledger.page(ordinal);
        int slot = Ledger.slot(ordinal);
        if (ledger.destinationOf(ordinal) != destinationId) {
            flags[page][slot] |= WRONG_DESTINATION;
            return;
        }
        boolean firstCopy = seenCopies[page][slot] == 0;
        seenCopies[page][slot] = Ledger.increment(seenCopies[page][slot]);
        if (firstCopy) {
            firstSeenAt[page][slot] = ledger.relative(appearedAtEpochMillis);
            int key = ledger.key(ordinal);
            Long last = lastSeenByKey.get(key);
            if (last != null && last > ordinal) {
                flags[page][slot] |= OUT_OF_ORDER;
            } else {
                lastSeenByKey.put(key, ordinal);
            }
        }
    }

    private void ensurePages(long ordinal) {
        int pagesNeeded = Ledger.page(ordinal) + 1;
        if (pagesNeeded > seenCopies.length) {
            int old = seenCopies.length;
            seenCopies = Arrays.copyOf(seenCopies, pagesNeeded);
            flags = Arrays.copyOf(flags, pagesNeeded);
            firstSeenAt = Arrays.copyOf(firstSeenAt, pagesNeeded);
            for (int page = old; page < pagesNeeded; page++) {
                seenCopies[page] = new byte[Ledger.PAGE_SIZE];
                flags[page] = new byte[Ledger.PAGE_SIZE];
                firstSeenAt[page] = new int[Ledger.PAGE_SIZE];
            }
        }
    }

    private int seen(int page, int slot) {
        return page < seenCopies.length ? seenCopies[page][slot] : 0;
    }

    private byte flag(int page, int slot) {
        return page < flags.length ? flags[page][slot] : 0;
    }

    /** Where record {@code ordinal} stands now. */
    public synchronized RecordStatus status(long ordinal) {
        ledger.check(ordinal);
        int page = Ledger.page(ordinal);
        int slot = Ledger.slot(ordinal);
        int written = ledger.writtenCopies(ordinal);
        int acked = ledger.ackedCopies(ordinal);
        int seen = seen(page, slot);
        byte flag = flag(page, slot);
        if (written == 0) {
            return RecordStatus.NOT_WRITTEN;
        }
        if ((flag & WRONG_DESTINATION) != 0) {
            return RecordStatus.WRONG_DESTINATION;
        }
        if (ledger.destinationOf(ordinal) == Ledger.NOWHERE) {
            return seen == 0 ? RecordStatus.DELIVERED : RecordStatus.DUPLICATED;
        }
        if (seen > written) {
            return RecordStatus.DUPLICATED;
        }
        if (seen < acked) {
            return RecordStatus.MISSING;
        }
        if (seen == 0) {
            return RecordStatus.NOT_YET_SEEN;
        }
        if ((flag & OUT_OF_ORDER) != 0) {
            return RecordStatus.OUT_OF_ORDER;
        }
        return seen < written ? RecordStatus.NOT_YET_SEEN : RecordStatus.DELIVERED;
    }

    /** What {@link #latencyMillis} and {@link #firstSeenAtMillis} return for a record not seen (or not written). */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * End-to-end latency: milliseconds from the first write of the record to its first appearance at
     * its destination, or {@link #UNKNOWN}. Negative when the destination's time precedes the write
     * (a timestamp that is not the time of arrival).
     */
    public synchronized long latencyMillis(long ordinal) {
        ledger.check(ordinal);
        int written = ledger.writtenAtMillis(ordinal);
        int seen = firstSeen(ordinal);
        return written == 0 || seen == 0 ? UNKNOWN : (long) seen - written;
    }

    /** When the record first appeared at its destination, in the ledger's milliseconds, or {@link #UNKNOWN}. */
    public synchronized long firstSeenAtMillis(long ordinal) {
        ledger.check(ordinal);
        int seen = firstSeen(ordinal);
        return seen == 0 ? UNKNOWN : seen;
    }

    /** Whether the record's first copy arrived after a later record of the same key. */
    public synchronized boolean outOfOrder(long ordinal) {
        ledger.check(ordinal);
        return (flag(Ledger.page(ordinal), Ledger.slot(ordinal)) & OUT_OF_ORDER) != 0;
    }

    /** Copies seen at the record's own destination. */
    public synchronized int seenCopies(long ordinal) {
        ledger.check(ordinal);
        return seen(Ledger.page(ordinal), Ledger.slot(ordinal));
    }

    private int firstSeen(long ordinal) {
        int page = Ledger.page(ordinal);
        return page < firstSeenAt.length ? firstSeenAt[page][Ledger.slot(ordinal)] : 0;
    }

    /** Milliseconds from the first acknowledgement to the first sighting, or -1 when either is unknown. */
    public synchronized long deliveryLagMillis(long ordinal) {
        ledger.check(ordinal);
        int page = Ledger.page(ordinal);
        int acked = ledger.ackedAtMillis(ordinal);
        int seen = page < firstSeenAt.length ? firstSeenAt[page][Ledger.slot(ordinal)] : 0;
        return acked == 0 || seen == 0 ? -1 : seen - acked;
    }

    /** Counts every record of the ledger by status, keeping the first {@code samples} of each. */
    public synchronized LedgerSummary classify(int samples) {
        LedgerSummary.Builder summary = new LedgerSummary.Builder(samples);
        long size = ledger.size();
        for (long ordinal = 0; ordinal < size; ordinal++) {
            RecordStatus status = status(ordinal);
            // the label only for the few records a diff shows: looking it up is a synchronized map read
            String label = summary.wantsSample(status) ? ledger.label(ordinal) : null;
            summary.add(status, label, ledger.destinationName(ledger.destinationOf(ordinal)),
                    ledger.writtenCopies(ordinal), ledger.ackedCopies(ordinal),
                    seen(Ledger.page(ordinal), Ledger.slot(ordinal)));
        }
        return summary.build();
    }

    /** Bytes this observer holds per record of the ledger (for the benchmark). */
    public static int bytesPerRecord() {
        return 1 + 1 + 4;
    }
}
