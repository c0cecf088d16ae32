package dev.pipelineharness.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every record a scenario generated, by ordinal: where it must end up (destination and ordering
 * key) and how many copies were written and acknowledged, with times. Columns of primitive pages
 * (15 bytes per record, plus 6 per {@link LedgerObserver}), so ten million records fit in well under
 * 512 MB; no object per record.
 *
 * <p>Writers call {@link #reserve}, {@link #plan}, {@link #written} and {@link #acknowledged} (the
 * latter from a producer's callback thread); each check takes its own {@link #observer()}.
 *
 * <p>Records are identified at their destination in one of two ways. The business events carry
 * their ordinal in their {@code event_id}; a destination registered with an id field
 * ({@link #destination(String, String)}) instead maps each value of that field to an ordinal
 * ({@link #identified}), so a pipeline that carries any field of its own through can be judged too.
 * Every write of one id is a copy of that one record (an update of a row, a replayed line twice).
 *
 * <p>Threading: {@link #reserve}, {@link #destination} and {@link #identified} are synchronized. The hot-path writes are
 * not, because each column has one writer: {@link #plan} and {@link #written} come from the thread
 * that reserved the ordinals, {@link #acknowledged} from the producer's I/O thread, which received
 * the ordinal through the producer's queue (a happens-before edge). Page objects are never replaced,
 * only the outer arrays holding them, so a thread with a stale outer array still writes into the
 * live page; Java never tears neighbouring bytes. Readers (checks) run after the generator's
 * {@code flush()}, or re-evaluate until values settle. Lock contention between the generator and the
 * producer's I/O thread cost about a fifth of the produce rate on two cores.
 */
public final class Ledger {

    /** The destination of records that must reach no output (poison records). */
    public static final int NOWHERE = 0;

    static final int PAGE_BITS = 16;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private final java.time.Clock clock;
    private final long epochMillis;
    private final List<String> destinations = new ArrayList<>(List.of("(nowhere)"));
    /** Parallel to {@link #destinations}: the field identifying its records, or null (the ordinal is in event_id). */
    private final List<String> idFields = new ArrayList<>(Arrays.asList((String) null));
    private final Map<Integer, Map<String, Long>> ordinalsById = new HashMap<>();
    /** The reverse of {@link #ordinalsById}, so a diff names a record by its id. */
    private final Map<Long, String> idsByOrdinal = new HashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final Map<Integer, List<Source>> sourcesByDestination = new LinkedHashMap<>();

    /**
     * Where a writer wrote records bound for a destination: the first hop a check follows when a
     * record never arrived. A topic is read; a table is not (its committed copies are the ledger's
     * acknowledgements).
     */
    public record Source(String name, boolean isTopic) {

        @Override
        public String toString() {
            return isTopic ? name : "table " + name;
        }
    }

    private volatile int[][] keys = new int[0][];
    private volatile byte[][] destination = new byte[0][];
    private volatile byte[][] writtenCopies = new byte[0][];
    private volatile byte[][] ackedCopies = new byte[0][];
    private volatile int[][] writtenAt = new int[0][];
    private volatile int[][] ackedAt = new int[0][];
    private volatile long size;

    public Ledger() {
        this(java.time.Clock.systemUTC());
    }

    /** A ledger whose times come from {@code clock} (wall-clock time; tests pass one they move by hand). */
    public Ledger(java.time.Clock clock) {
        this.clock = clock;
        this.epochMillis = clock.millis();
    }

    /** The id of a destination (a logical topic or table name), registering it on first use. */
    public synchronized int destination(String name) {
        return destination(name, null);
    }

    /**
     * The id of a destination whose records are identified by the value of {@code idField} (a field
     * the pipeline carries through to it), registering it on first use; {@code null} for records
     * that carry their ordinal in {@code event_id}. One destination has one way of identifying.
     */
    public synchronized int destination(String name, String idField) {
        int index = destinations.indexOf(name);
        if (index >= 0) {
            String registered = idFields.get(index);
            if (!java.util.Objects.equals(registered, idField)) {
                throw new IllegalStateException("destination " + name + " is ledgered both "
                        + describeIdentity(registered) + " and " + describeIdentity(idField)
                        + ": give every generator writing to it the same ledger id");
            }
            return index;
        }
        if (destinations.size() >= Byte.MAX_VALUE) {
            throw new IllegalStateException("a ledger holds at most 126 destinations");
        }
        destinations.add(name);
        idFields.add(idField);
        return destinations.size() - 1;
    }

    private static String describeIdentity(String idField) {
        return idField == null ? "by the ordinal in event_id" : "by the field " + idField;
    }

    /** The field identifying the records of {@code destinationId}; empty when they carry their ordinal in event_id. */
    public synchronized Optional<String> idField(int destinationId) {
        return Optional.ofNullable(idFields.get(destinationId));
    }

    /**
     * The ordinal of the record {@code id} bound for {@code destinationId} (a destination with an id
     * field), reserving and planning it with ordering key {@code key} when this id is new.
     */
    public synchronized long identified(int destinationId, String id, int key) {
        requireIdField(destinationId);
        Map<String, Long> ordinals = ordinalsById.computeIfAbsent(destinationId, ignored -> new HashMap<>());
        Long known = ordinals.get(id);
        if (known != null) {
            return known;
        }
        long ordinal = reserve(1);
        plan(ordinal, key, destinationId);
        ordinals.put(id, ordinal);
        idsByOrdinal.put(ordinal, id);
        return ordinal;
    }

    /**
     * How a diff names record {@code ordinal}: {@code #12}, or {@code #12 (order_id o-00012)} for a
     * record identified by an id field.
     */
    public synchronized String label(long ordinal) {
        String id = idsByOrdinal.get(ordinal);
        return id == null ? "#" + ordinal : "#" + ordinal + " (" + idFields.get(destinationOf(ordinal)) + " " + id + ")";
    }

    /** The ordinal of record {@code id} of {@code destinationId}, or -1 when no generator wrote that id. */
    public synchronized long ordinalOf(int destinationId, String id) {
        Map<String, Long> ordinals = ordinalsById.get(destinationId);
        Long ordinal = ordinals == null ? null : ordinals.get(id);
        return ordinal == null ? -1 : ordinal;
    }

    private void requireIdField(int destinationId) {
        if (idFields.get(destinationId) == null) {
            throw new IllegalStateException("destination " + destinations.get(destinationId)
                    + " has no id field: its records carry their ordinal in event_id");
        }
    }

    /** How many destinations are registered, {@link #NOWHERE} included (ids run from 0 to this minus 1). */
    public synchronized int destinationCount() {
        return destinations.size();
    }

    public synchronized String destinationName(int id) {
        return destinations.get(id);
    }

    /**
     * Notes that a writer writes this ledger's records into {@code name} (a logical topic or table):
     * the first hop of the pipeline, where a check looks when a record never reached its destination.
     */
    public synchronized void source(String name) {
        if (!sources.contains(name)) {
            sources.add(name);
        }
    }

    /** Where the writers wrote, in the order they said so. */
    public synchronized List<String> sources() {
        return List.copyOf(sources);
    }

    /** Notes that a writer writes records bound for {@code destinationId} (one with an id field) into {@code source}. */
    public synchronized void source(int destinationId, Source source) {
        requireIdField(destinationId);
        List<Source> list = sourcesByDestination.computeIfAbsent(destinationId, ignored -> new ArrayList<>());
        if (!list.contains(source)) {
            list.add(source);
        }
    }

    /**
     * Where the records bound for {@code destinationId} were written: for a destination with an id
     * field the sources its writers named, else every topic of {@link #sources()}.
     */
    public synchronized List<Source> sources(int destinationId) {
        if (idFields.get(destinationId) != null) {
            return List.copyOf(sourcesByDestination.getOrDefault(destinationId, List.of()));
        }
        return sources.stream().map(name -> new Source(name, true)).toList();
    }

    /** Reserves {@code count} consecutive ordinals and returns the first. */
    public synchronized long reserve(long count) {
        long base = size;
        long newSize = size + count;
        int pagesNeeded = (int) ((newSize + PAGE_SIZE - 1) >>> PAGE_BITS);
        if (pagesNeeded > keys.length) {
            int old = keys.length;
            keys = grow(keys, pagesNeeded);
            destination = grow(destination, pagesNeeded);
            writtenCopies = grow(writtenCopies, pagesNeeded);
            ackedCopies = grow(ackedCopies, pagesNeeded);
            writtenAt = grow(writtenAt, pagesNeeded);
            ackedAt = grow(ackedAt, pagesNeeded);
            for (int page = old; page < pagesNeeded; page++) {
                keys[page] = new int[PAGE_SIZE];
                destination[page] = new byte[PAGE_SIZE];
                writtenCopies[page] = new byte[PAGE_SIZE];
                ackedCopies[page] = new byte[PAGE_SIZE];
                writtenAt[page] = new int[PAGE_SIZE];
                ackedAt[page] = new int[PAGE_SIZE];
            }
        }
        size = newSize;
        return base;
    }

    private static int[][] grow(int[][] pages, int length) {
        return java.util.Arrays.copyOf(pages, length);
    }

    private static byte[][] grow(byte[][] pages, int length) {
        return java.util.Arrays.copyOf(pages, length);
    }

    public synchronized long size() {
        return size;
    }

    /** Says which ordering key (such as an entity) the record belongs to and where it must end up. */
    public void plan(long ordinal, int key, int destinationId) {
        check(ordinal);
        keys[page(ordinal)][slot(ordinal)] = key;
        destination[page(ordinal)][slot(ordinal)] = (byte) destinationId;
    }

    /** One copy of the record was handed to the sink. */
    public void written(long ordinal) {
        check(ordinal);
        int page = page(ordinal);
        int slot = slot(ordinal);
        writtenCopies[page][slot] = increment(writtenCopies[page][slot]);
        if (writtenAt[page][slot] == 0) {
            writtenAt[page][slot] = now();
        }
    }

    /** The sink confirmed one copy durable (Kafka ack with acks=all, a committed JDBC batch, ...). */
    public void acknowledged(long ordinal) {
        check(ordinal);
        int page = page(ordinal);
        int slot = slot(ordinal);
        ackedCopies[page][slot] = increment(ackedCopies[page][slot]);
        if (ackedAt[page][slot] == 0) {
            ackedAt[page][slot] = now();
        }
    }

    /** When the first copy was acknowledged, in milliseconds since the ledger was created (0: never). */
    public synchronized int ackedAtMillis(long ordinal) {
        check(ordinal);
        return ackedAt[page(ordinal)][slot(ordinal)];
    }

    /** When the first copy was handed to the sink, in milliseconds since the ledger was created (0: never). */
    public synchronized int writtenAtMillis(long ordinal) {
        check(ordinal);
        return writtenAt[page(ordinal)][slot(ordinal)];
    }

    public synchronized int key(long ordinal) {
        check(ordinal);
        return keys[page(ordinal)][slot(ordinal)];
    }

    public synchronized int writtenCopies(long ordinal) {
        check(ordinal);
        return writtenCopies[page(ordinal)][slot(ordinal)];
    }

    public synchronized int ackedCopies(long ordinal) {
        check(ordinal);
        return ackedCopies[page(ordinal)][slot(ordinal)];
    }

    /** A fresh set of observations for one check: several checks observe the same ledger independently. */
    public LedgerObserver observer() {
        return new LedgerObserver(this);
    }

    /**
     * The wall-clock time (epoch milliseconds) the ledger's times count from: a time {@code t} of this
     * ledger happened at {@code epochMillis() + t - 1} (0 stays "never").
     */
    public long epochMillis() {
        return epochMillis;
    }

    /** {@code epochMillis} (wall clock) as a time of this ledger; never 0, which means "never". */
    int relative(long epochMillis) {
        long relative = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochMillis - this.epochMillis + 1));
        return relative == 0 ? -1 : (int) relative;
    }

    public synchronized int destinationOf(long ordinal) {
        check(ordinal);
        return destination[page(ordinal)][slot(ordinal)];
    }

    int now() {
        // 1 + so that 0 keeps meaning "never"; an int of milliseconds covers 24 days of run
        return relative(clock.millis());
    }

    void check(long ordinal) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " not reserved (ledger size " + size + ")");
        }
    }

    static byte increment(byte value) {
        return value == Byte.MAX_VALUE ? value : (byte) (value + 1);
    }

    static int page(long ordinal) {
        return (int) (ordinal >>> PAGE_BITS);
    }

    static int slot(long ordinal) {
        return (int) (ordinal & PAGE_MASK);
    }
}
