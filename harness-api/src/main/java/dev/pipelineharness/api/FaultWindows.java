package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When a scenario's faults were in effect, for checks that judge a pipeline by phase. The engine puts
 * it into the {@link ScenarioStore} when the timeline has ended (before the checks run); a scenario
 * without faults gets an empty one.
 *
 * <p>A window opens when the fault's injection starts and closes when its heal has returned, so it
 * covers the whole time the fault may have acted (a broker restarting after a kill is still "during").
 * A fault without {@code for} is healed only after the checks: its window has no end.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record FaultWindows(List<Window> windows) {

    /** The phases of a run relative to its faults. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public enum Phase {
        /** Before the first fault was injected. */
        BEFORE,
        /** From the first injection to the last heal. */
        DURING,
        /** After the last heal. */
        AFTER;

        /** The name a scenario file uses: {@code before}, {@code during}, {@code after}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One fault's time in effect.
     *
     * @param fault       the fault as the scenario names it ({@code fault[0].kill})
     * @param description what it did ({@code kill kafka.east})
     * @param healedAt    empty while it is still injected
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record Window(String fault, String description, Instant injectedAt, Optional<Instant> healedAt) {
    }

    public FaultWindows {
        windows = windows.stream().sorted(Comparator.comparing(Window::injectedAt)).toList();
    }

    public static FaultWindows none() {
        return new FaultWindows(List.of());
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }

    public Optional<Instant> firstInjection() {
        return windows.stream().map(Window::injectedAt).findFirst();
    }

    /** The last heal, or empty when there was no fault or one is still injected. */
    public Optional<Instant> lastHeal() {
        if (windows.isEmpty() || windows.stream().anyMatch(window -> window.healedAt().isEmpty())) {
            return Optional.empty();
        }
        return windows.stream().map(window -> window.healedAt().orElseThrow()).max(Comparator.naturalOrder());
    }

    /** Which phase {@code instant} falls into; without faults everything is {@link Phase#BEFORE}. */
    public Phase phaseOf(Instant instant) {
        Optional<Instant> first = firstInjection();
        if (first.isEmpty() || instant.isBefore(first.get())) {
            return Phase.BEFORE;
        }
        Optional<Instant> heal = lastHeal();
        return heal.isPresent() && !instant.isBefore(heal.get()) ? Phase.AFTER : Phase.DURING;
    }
}
