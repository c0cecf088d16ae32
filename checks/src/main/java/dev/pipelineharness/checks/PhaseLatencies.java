package dev.pipelineharness.checks;

import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * End-to-end latency of every record that reached its destination, from its first write (the
 * ledger) to its first appearance there (the observer), grouped by the phase it was written in.
 * Percentiles are nearest-rank: p99 is the smallest latency at least 99% of the records did not exceed.
 */
final class PhaseLatencies {

    /** One phase's figures, in milliseconds. */
    record Figures(int count, long p50, long p95, long p99, long max, long min) {

        long get(String statistic) {
            return switch (statistic) {
                case "p50" -> p50;
                case "p95" -> p95;
                case "p99" -> p99;
                case "max" -> max;
                default -> throw new IllegalArgumentException(statistic);
            };
        }

        String describe() {
            return count + " records p50 " + Millis.format(p50) + " p95 " + Millis.format(p95) + " p99 "
                    + Millis.format(p99) + " max " + Millis.format(max);
        }
    }

    /** The phases used for {@code phase: all}: every record, whenever it was written. */
    static final String ALL = "all";

    private final Map<FaultWindows.Phase, int[]> sorted = new EnumMap<>(FaultWindows.Phase.class);
    private final int[] all;

    private PhaseLatencies(Map<FaultWindows.Phase, IntStream.Builder> builders) {
        builders.forEach((phase, builder) -> {
            int[] values = builder.build().toArray();
            Arrays.sort(values);
            sorted.put(phase, values);
        });
        all = sorted.values().stream().flatMapToInt(Arrays::stream).sorted().toArray();
    }

    static PhaseLatencies of(LedgerView view) {
        Ledger ledger = view.ledger();
        LedgerObserver observer = view.observer();
        Map<FaultWindows.Phase, IntStream.Builder> builders = new EnumMap<>(FaultWindows.Phase.class);
        for (FaultWindows.Phase phase : FaultWindows.Phase.values()) {
            builders.put(phase, IntStream.builder());
        }
        long size = ledger.size();
        for (long ordinal = 0; ordinal < size; ordinal++) {
            long latency = observer.latencyMillis(ordinal);
            if (latency == LedgerObserver.UNKNOWN || ledger.destinationOf(ordinal) == Ledger.NOWHERE) {
                continue;
            }
            FaultWindows.Phase phase = view.faults().phaseOf(view.instant(ledger.writtenAtMillis(ordinal)));
            builders.get(phase).add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, latency)));
        }
        return new PhaseLatencies(builders);
    }

    /** The figures of {@code phase} ({@code before}, {@code during}, {@code after} or {@code all}), empty without records. */
    Optional<Figures> figures(String phase) {
        int[] values = phase.equals(ALL) ? all : sorted.get(FaultWindows.Phase.valueOf(phase.toUpperCase(java.util.Locale.ROOT)));
        if (values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Figures(values.length, rank(values, 50), rank(values, 95), rank(values, 99),
                values[values.length - 1], values[0]));
    }

    Optional<Figures> figures(FaultWindows.Phase phase) {
        return figures(phase.key());
    }

    /** Every phase that has records, as one line: {@code before 800 records p50 20ms ... | after ...}. */
    String describe() {
        StringBuilder line = new StringBuilder();
        for (FaultWindows.Phase phase : FaultWindows.Phase.values()) {
            figures(phase).ifPresent(figures -> line.append(line.isEmpty() ? "" : " | ").append(phase.key()).append(' ')
                    .append(figures.describe()));
        }
        return line.isEmpty() ? "no record reached its destination" : line.toString();
    }

    static long rank(int[] sortedValues, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedValues.length) - 1;
        return sortedValues[Math.max(0, Math.min(sortedValues.length - 1, index))];
    }
}
