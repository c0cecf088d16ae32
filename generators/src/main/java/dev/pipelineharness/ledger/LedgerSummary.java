package dev.pipelineharness.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts of records per {@link RecordStatus}, with the first few of each for a readable diff. */
public record LedgerSummary(Map<RecordStatus, Long> counts, Map<RecordStatus, List<String>> samples) {

    public long count(RecordStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public List<String> samples(RecordStatus status) {
        return samples.getOrDefault(status, List.of());
    }

    /** Records written at least once. */
    public long written() {
        long total = 0;
        for (Map.Entry<RecordStatus, Long> entry : counts.entrySet()) {
            if (entry.getKey() != RecordStatus.NOT_WRITTEN) {
                total += entry.getValue();
            }
        }
        return total;
    }

    static final class Builder {
        private final int limit;
        private final Map<RecordStatus, Long> counts = new EnumMap<>(RecordStatus.class);
        private final Map<RecordStatus, List<String>> samples = new EnumMap<>(RecordStatus.class);

        Builder(int limit) {
            this.limit = limit;
        }

        /** Whether a record of {@code status} would be kept as a sample. */
        boolean wantsSample(RecordStatus status) {
            List<String> list = samples.get(status);
            return list == null || list.size() < limit;
        }

        void add(RecordStatus status, String label, String destination, int written, int acked, int seen) {
            counts.merge(status, 1L, Long::sum);
            List<String> list = samples.computeIfAbsent(status, ignored -> new ArrayList<>());
            if (list.size() < limit) {
                list.add(label + " -> " + destination + " (written " + written + ", acknowledged " + acked
                        + ", seen " + seen + ")");
            }
        }

        LedgerSummary build() {
            Map<RecordStatus, List<String>> frozen = new EnumMap<>(RecordStatus.class);
            samples.forEach((status, list) -> frozen.put(status, Collections.unmodifiableList(list)));
            return new LedgerSummary(Collections.unmodifiableMap(counts), Collections.unmodifiableMap(frozen));
        }
    }
}
