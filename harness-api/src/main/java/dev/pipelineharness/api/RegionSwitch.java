package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where a scenario's producers write, when a failover runbook moves them to another region mid-run.
 * A fault that runs a failover {@linkplain #switchTo switches} it; a generator that honours it
 * ({@code business-events}) consults it before each send, moves its writes to the new region, and
 * {@linkplain #handedOver records} the first ordinal it wrote there, so a check can split the
 * ledger's ordinals by region without the ledger knowing regions. Taken from the
 * {@link ScenarioStore} with {@code store.computeIfAbsent(RegionSwitch.class, RegionSwitch::new)}:
 * generator and fault then share one instance whichever comes first.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RegionSwitch {

    /**
     * One writer's move: of the ordinals it reserved ({@code rangeStart} inclusive to {@code rangeEnd}
     * exclusive), those from {@code firstOrdinal} on went to {@code region}.
     */
    public record Handover(long rangeStart, long rangeEnd, long firstOrdinal, String region) {
        public boolean covers(long ordinal) {
            return ordinal >= firstOrdinal && ordinal < rangeEnd;
        }
    }

    private volatile String region;
    private final List<Handover> handovers = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** The region producers must write to now; empty while they stay where they started. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /**
     * Moves every honouring producer to {@code region}, from its next send on, and tells the listeners
     * at once (in this thread): a producer blocked on the lost region is woken up by giving it up.
     */
    public void switchTo(String region) {
        this.region = Objects.requireNonNull(region, "region");
        listeners.forEach(listener -> listener.accept(region));
    }

    /** Called with the new region on every {@link #switchTo}; closing the returned handle stops that. */
    public AutoCloseable onSwitch(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Called by a writer once, when its first record went to the new region. */
    public void handedOver(long rangeStart, long rangeEnd, long firstOrdinal, String region) {
        if (firstOrdinal < rangeStart || firstOrdinal > rangeEnd) {
            throw new IllegalArgumentException("first ordinal " + firstOrdinal + " outside the writer's range ["
                    + rangeStart + ", " + rangeEnd + ")");
        }
        handovers.add(new Handover(rangeStart, rangeEnd, firstOrdinal, Objects.requireNonNull(region, "region")));
    }

    public List<Handover> handovers() {
        return List.copyOf(handovers);
    }

    /** The region record {@code ordinal} was written to after a switch; empty: where its writer started. */
    public Optional<String> regionOf(long ordinal) {
        for (Handover handover : handovers) {
            if (handover.covers(ordinal)) {
                return Optional.of(handover.region());
            }
        }
        return Optional.empty();
    }
}
